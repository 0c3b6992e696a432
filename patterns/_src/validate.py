import json, sys, collections
import os
P = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..') + '/'
ok = True; seen = {}; bylabel = collections.defaultdict(set); ids = collections.defaultdict(set)
for fn, lab in [('gpe.jsonl','GPE'),('loc.jsonl','LOC'),('org.jsonl','ORG'),('person.jsonl','PERSON')]:
    n = 0
    for i, line in enumerate(open(P+fn, encoding='utf-8'), 1):
        try: o = json.loads(line)
        except Exception as e: print('BAD JSON', fn, i, e); ok=False; continue
        n += 1
        if set(o) != {'label','pattern','id','source'}: print('KEYS', fn, i, o); ok=False
        if o['label'] not in ('PERSON','ORG','GPE','LOC') or o['label'] != lab: print('LABEL', fn, i, o); ok=False
        p = o['pattern']
        if not isinstance(p, str) or not p or p != p.strip() or '  ' in p: print('PATTERN', fn, i, repr(p)); ok=False
        if not o['id'].startswith(o['label'].lower()+':'): print('IDPREFIX', fn, i, o); ok=False
        if not o['source']: print('SOURCE', fn, i); ok=False
        k = (o['label'], p)
        if k in seen: print('DUP', fn, i, k); ok=False
        seen[k] = o['id']; bylabel[p].add(o['label']); ids[o['id']].add(p)
        if p[0].islower(): print('lowercase-initial:', fn, repr(p))
    print(fn, n, 'lines')
multi = {p: l for p, l in bylabel.items() if len(l) > 1}
print('patterns with >1 label:', len(multi))
for p, l in sorted(multi.items()): print('  ', repr(p), sorted(l))
lex = json.load(open(P+'lexicon.json', encoding='utf-8'))
for k in ['titles','given_names_western','given_names_russian','surnames_vietnamese','surnames_chinese','surnames_korean','names_khmer','names_lao','russian_surname_suffixes','org_heads','org_modifiers','nationality_adjectives','months','seasons']:
    v = lex.get(k)
    if not isinstance(v, list) or not v or any((not isinstance(x,str)) or x != x.strip() or not x for x in v): print('LEX BAD', k); ok=False
    if len(v) != len(set(v)): print('LEX DUP', k)
print('lexicon keys', len(lex))
print('OK' if ok else 'FAIL')
