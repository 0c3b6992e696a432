import json, re, unicodedata, glob, sys, collections
import os
D = os.path.dirname(os.path.abspath(__file__)) + '/'
OUT = os.path.join(D, '..') + '/'
LABEL_OF = {'gpe': 'GPE', 'loc': 'LOC', 'org': 'ORG', 'person': 'PERSON'}
DROP_TITLES = {'Chairman','Premier','President','Emperor','Prince','Princess','King','Queen','Samdech','General',
  'Generalissimo','Comrade','Mrs.','Mrs','Mr.','Mr','Dr.','Pandit','Ayatollah','Bogyoke','Daw','Marshal','Admiral','Sir','Pope'}
SPECIAL = {'đ':'d','Đ':'D','ø':'o','Ø':'O','ł':'l','Ł':'L','æ':'ae','Æ':'AE','œ':'oe','Œ':'OE','ß':'ss','ı':'i',
  '‘':"'",'’':"'", 'ʻ':"'", 'ə':'e'}
report = collections.defaultdict(list)

def fold(s):
    s2 = ''.join(SPECIAL.get(c, c) for c in s)
    s2 = unicodedata.normalize('NFKD', s2)
    return ''.join(c for c in s2 if not unicodedata.combining(c))

def slugify(s):
    s = fold(s).lower()
    s = re.sub(r'[^a-z0-9]+', '-', s).strip('-')
    return s

def initials(name):
    outs = [name[0] + '.']
    if len(name) > 1 and name[:2] in ('Yu','Ya','Ye','Yo','Zh','Kh','Ch','Sh','Ts','Iu','Ia'):
        outs.append(name[:2] + '.')
    return outs

def is_word(t):
    return bool(re.fullmatch(r"[A-ZÀ-ÞŁŚŻŹ][\w'’\-]+", t)) and not t.endswith('.')

def expand_R(v, surname):
    out = []
    toks = v.split()
    if toks[-1] != surname: return out
    if len(toks) == 3 and all(is_word(t) for t in toks):
        f, p, l = toks
        out.append(f'{f} {l}')
        for fi in initials(f):
            out.append(f'{fi} {l}')
            for pi in initials(p):
                out.append(f'{fi}{pi} {l}')
                out.append(f'{fi} {pi} {l}')
    elif len(toks) == 2 and all(is_word(t) for t in toks):
        for fi in initials(toks[0]):
            out.append(f'{fi} {toks[1]}')
    return out

SRC = [None]
SUFFIX = {'Jr.','Sr.','II','III','IV'}
def expand_W(v, surname):
    out = []
    toks = v.split()
    if toks[-1] in SUFFIX or toks[-1] != surname or toks[0] in DROP_TITLES or toks[0] == 'Lord':
        return out
    if any(t[0].islower() for t in toks):
        return out
    if len(toks) == 2 and is_word(toks[0]):
        out.append(f'{toks[0][0]}. {toks[1]}')
    elif len(toks) >= 3 and is_word(toks[0]):
        mids = toks[1:-1]
        if all(is_word(m) for m in mids):
            out.append(f'{toks[0]} {toks[-1]}')
            mi = ' '.join(m[0] + '.' for m in mids)
            out.append(f'{toks[0]} {mi} {toks[-1]}')
            out.append(f'{toks[0][0]}. {mi} {toks[-1]}')
            out.append(f'{toks[0][0]}.{mi.replace(" ", "")} {toks[-1]}')
        elif all(re.fullmatch(r'[A-Z]\.', m) for m in mids):
            mi = ' '.join(mids)
            out.append(f'{toks[0][0]}. {mi} {toks[-1]}')
            out.append(f'{toks[0][0]}.{mi.replace(" ", "")} {toks[-1]}')
    return out

def expand_J(v):
    toks = v.split()
    if len(toks) == 2 and all(is_word(t) for t in toks) and toks[0] not in DROP_TITLES:
        return [f'{toks[1]} {toks[0]}']
    return []

WG = re.compile(r"(?<=[hHpPtTkK])['’](?=[a-zü])")
def generic_variants(v, label):
    out = {v}
    # apostrophes
    for x in list(out):
        if "'" in x:
            out.add(x.replace("'", '’'))
            y = re.sub(r"'(?=s\b)", '', x)              # People's -> Peoples
            y = re.sub(r"(?<=s)'(?=\s|$)", '', y)       # Workers' -> Workers
            if label in ('PERSON', 'GPE'):
                y = WG.sub('', y)                        # Ch'en -> Chen
            if y != x: out.add(y)
    # hyphens in person names
    if label == 'PERSON':
        for x in list(out):
            toks = x.split()
            for i, t in enumerate(toks):
                m = re.fullmatch(r"([A-ZÀ-Þ][\w'’]*)-([\w'’]+)", t)
                if not m: continue
                a, b = m.groups()
                vs = [a + ' ' + b[0].upper() + b[1:]]
                if b[0].islower():
                    vs += [a + b, a + '-' + b[0].upper() + b[1:]]
                for r in vs:
                    out.add(' '.join(toks[:i] + [r] + toks[i+1:]))
    # hyphenated forms of Vietnamese/Lao/Cambodian place names (Ha-noi style is in the data; this adds Nghe-An, Quang-Tri ...)
    if label == 'GPE' and SRC[0] in ('cities-vietnam', 'provinces-vietnam', 'provinces-laos', 'provinces-cambodia'):
        for x in list(out):
            toks = x.split()
            if 2 <= len(toks) <= 3 and all(re.fullmatch(r'[A-Z][a-z]+', t) for t in toks):
                out.add('-'.join(toks))
    # diacritic folding
    for x in list(out):
        f = fold(x)
        if f != x: out.add(f)
    return out

entries = []   # (label, pattern, id, source)
def parse(path, label):
    source = None
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip(): continue
        if line.startswith('##'):
            source = line[2:].strip(); continue
        if line.startswith('#'): continue
        flag = None
        if '=' in line and line.split('=',1)[0].strip() and ' ' not in line.split('=',1)[0].strip():
            slug, rest = line.split('=', 1)
            slug = slug.strip()
        else:
            slug, rest = None, line
        if slug and re.match(r'^[RWJ]:', slug):
            flag, slug = slug[0], slug[2:]
        variants = [v.strip() for v in rest.split(';') if v.strip()]
        if not variants:
            report['empty-line'].append(f'{path}:{ln}'); continue
        if not slug: slug = slugify(variants[0])
        slug = slugify(slug)
        eid = f'{label.lower()}:{slug}'
        surname = variants[0].split()[-1]
        allv = []
        for v in variants:
            allv.append(v)
            if flag == 'R': allv += expand_R(v, fold(surname)) + expand_R(v, surname)
            if flag == 'W': allv += expand_W(v, surname)
            if flag == 'J': allv += expand_J(v)
        seen = set()
        SRC[0] = source
        for v in allv:
            for g in sorted(generic_variants(v, label)):
                g = re.sub(r'\s+', ' ', g).strip()
                if g in seen: continue
                seen.add(g)
                if label == 'PERSON' and g.split()[0] in DROP_TITLES:
                    report['dropped-title-variant'].append(g); continue
                entries.append((label, g, eid, source, path))

for f in sorted(glob.glob(D + '*.txt')):
    base = f.split('/')[-1].split('_')[0].split('.')[0]
    parse(f, LABEL_OF[base])

BLOCK = {'Liberation', 'Male', 'Phoas', 'Geneve', 'Koln', 'Munchen'}
entries = [e for e in entries if e[1] not in BLOCK]
# dedupe
final = collections.OrderedDict()
for label, pat, eid, src, path in entries:
    k = (label, pat)
    if k in final:
        if final[k]['id'] != eid:
            report['same-label-conflict'].append(f'{label} {pat!r}: kept {final[k]["id"]}, dropped {eid}')
        continue
    final[k] = {'label': label, 'pattern': pat, 'id': eid, 'source': src}

bylab = collections.defaultdict(list)
for (label, pat), obj in final.items():
    bylab[label].append(obj)
pat_labels = collections.defaultdict(set)
for (label, pat) in final: pat_labels[pat].add(label)
for p, ls in sorted(pat_labels.items()):
    if len(ls) > 1: report['cross-label'].append(f'{p!r}: {sorted(ls)}')

fn = {'GPE': 'gpe.jsonl', 'LOC': 'loc.jsonl', 'ORG': 'org.jsonl', 'PERSON': 'person.jsonl'}
for label, objs in bylab.items():
    with open(OUT + fn[label], 'w', encoding='utf-8') as fh:
        for o in objs:
            fh.write(json.dumps(o, ensure_ascii=False) + '\n')
    print(label, len(objs), 'lines', len({o['id'] for o in objs}), 'ids')
json.dump(report, open('/tmp/nerpipe_gazetteer_report.json', 'w'), ensure_ascii=False, indent=1)
for k, v in report.items(): print(k, len(v))
