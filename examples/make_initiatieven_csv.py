#!/usr/bin/env python3
"""Regenerate examples/initiatieven_arnhem_oost.csv (ILLUSTRATIVE, FICTITIOUS data).

Usage:  python3 examples/make_initiatieven_csv.py [DATA_DIR]

Python 3 standard library only, plus the command-line tools `ogr2ogr` (to read the
generalized CBS buurten) and `cs2cs` (PROJ, RD New -> WGS84). DATA_DIR defaults to
$WIJKATLAS_DATA_DIR, then ../shared/datasets next to the repository.

Every initiative below is invented. Its position is computed from the real generalized CBS 2024
buurt polygon it is meant to lie in: a 10 m grid of candidate points is laid over the buurt,
candidates closer than MIN_EDGE_M to the buurt boundary are dropped, the first point is the
candidate farthest from the boundary and further points in the same buurt are picked by
farthest-point sampling. Positions are rounded to whole RD metres, then converted to WGS84 and
written with 6 decimals. Check the result with examples/verify_initiatieven.sh.
"""
import csv
import io
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(HERE, "initiatieven_arnhem_oost.csv")
# Expected location of every point: id -> buurt -> programme wijk (read by verify_initiatieven.sh).
OUT_BUURTEN = os.path.join(HERE, "initiatieven_arnhem_oost_buurten.csv")
SLUGS = {"Geitenkamp": "geitenkamp", "Presikhaaf": "presikhaaf", "Klarendal": "klarendal",
         "Arnhemse Broek": "arnhemse-broek", "Malburgen": "malburgen"}
MIN_EDGE_M = 100.0  # candidates this far from the buurt edge (verification demands >= 60 m)
GRID_M = 10.0

FIELDS = ["id", "naam", "thema", "omschrijving", "status", "startdatum", "lon", "lat",
          "contact_naam", "contact_email", "contact_telefoon", "illustratief"]

# (buurtcode, naam, thema, status, startdatum, omschrijving) -- all fictitious.
ROWS = [
    # Geitenkamp (BU02021053)
    ("BU02021053", "Buurtmoestuin Geitenkamp (voorbeeld)", "groen", "lopend", "2023-04-15",
     "Bewoners kweken samen groente op een braakliggend stuk grond."),
    ("BU02021053", "Koffieochtend op het plein (voorbeeld)", "ontmoeten", "lopend", "2022-09-05",
     "Elke dinsdag koffie en thee voor iedereen uit de buurt."),
    ("BU02021053", "Speelstraat in de zomer (voorbeeld)", "spelen", "afgerond", "2024-07-01",
     "Een straat is zes zomerweken autovrij voor spelende kinderen."),
    ("BU02021053", "Samen tegen schulden (voorbeeld)", "armoede", "idee", "2026-03-01",
     "Vrijwilligers helpen buren hun post en rekeningen op orde te brengen."),
    # Presikhaaf
    ("BU02020423", "Wandelgroep Rondje Presikhaaf (voorbeeld)", "gezondheid", "lopend", "2022-03-14",
     "Wekelijkse wandeling van een uur in een rustig tempo."),
    ("BU02020424", "Buurtpreventie-appgroep (voorbeeld)", "veiligheid", "lopend", "2021-11-01",
     "Bewoners melden verdachte situaties en verlichting die niet werkt."),
    ("BU02020425", "Geveltuintjes aan de straat (voorbeeld)", "groen", "afgerond", "2023-05-20",
     "Tegels eruit en planten erin langs de gevels van een woonblok."),
    ("BU02020425", "Taalcafé voor nieuwkomers (voorbeeld)", "ontmoeten", "lopend", "2024-01-10",
     "Nederlands oefenen in een ontspannen sfeer met buurtbewoners."),
    ("BU02020526", "Trapveldje opknappen (voorbeeld)", "spelen", "idee", "2026-04-01",
     "Kinderen en ouders ontwerpen samen een nieuw trapveld."),
    ("BU02020526", "Beweegtuin voor ouderen (voorbeeld)", "gezondheid", "lopend", "2023-09-01",
     "Buitentoestellen met begeleide beweeglessen op vaste ochtenden."),
    ("BU02020527", "Reparatiemiddag (voorbeeld)", "armoede", "lopend", "2022-10-08",
     "Kapotte spullen gratis laten maken in plaats van nieuw kopen."),
    ("BU02020528", "Verlichting looproute winkelcentrum (voorbeeld)", "veiligheid", "afgerond", "2023-02-01",
     "Bewoners wezen donkere plekken aan; extra lampen zijn geplaatst."),
    ("BU02020529", "Natuurspeelplaats (voorbeeld)", "spelen", "gestopt", "2022-06-15",
     "Speelplek met boomstammen en zand; gestopt bij gebrek aan vrijwilligers."),
    ("BU02020529", "Bloemenlint langs het spoor (voorbeeld)", "groen", "idee", "2026-05-01",
     "Inheemse bloemen zaaien voor bijen en vlinders."),
    # Klarendal
    ("BU02020732", "Ontmoetingstafel in de buurtkamer (voorbeeld)", "ontmoeten", "lopend", "2023-01-16",
     "Een lange tafel waar iedereen kan aanschuiven voor een praatje."),
    ("BU02020733", "Spreekuur geldzaken (voorbeeld)", "armoede", "lopend", "2022-02-07",
     "Vrijwilligers beantwoorden vragen over toeslagen en betalingsregelingen."),
    ("BU02020733", "Pleinvoetbal op woensdag (voorbeeld)", "spelen", "lopend", "2024-04-03",
     "Begeleid voetballen voor kinderen van 6 tot 12 jaar."),
    ("BU02020734", "Groene binnentuin (voorbeeld)", "groen", "idee", "2026-06-01",
     "Een versteende binnenplaats omvormen tot gedeelde tuin."),
    ("BU02020735", "Gezonde kookclub (voorbeeld)", "gezondheid", "afgerond", "2023-10-02",
     "Samen goedkoop en gezond koken; tien bijeenkomsten."),
    # Arnhemse Broek
    ("BU02020314", "Buurtbarbecue Statenkwartier (voorbeeld)", "ontmoeten", "afgerond", "2024-06-22",
     "Eenmalige barbecue om nieuwe en oude bewoners te verbinden."),
    ("BU02020314", "Kledingruilpunt (voorbeeld)", "armoede", "lopend", "2023-03-04",
     "Kleding brengen en halen zonder geld, eens per maand."),
    ("BU02020320", "Boomspiegels adopteren (voorbeeld)", "groen", "lopend", "2022-04-09",
     "Bewoners onderhouden de grond rond straatbomen."),
    ("BU02020321", "Inspraak speeltoestellen (voorbeeld)", "spelen", "idee", "2026-02-01",
     "Kinderen kiezen mee welke toestellen er komen."),
    ("BU02020322", "Fietsveilig naar het werk (voorbeeld)", "veiligheid", "gestopt", "2021-09-01",
     "Campagne voor veilige fietsroutes over het bedrijventerrein; beëindigd."),
    ("BU02020338", "Rivierwandeling voor ouderen (voorbeeld)", "gezondheid", "idee", "2026-04-15",
     "Korte begeleide wandelingen langs de Rijn."),
    ("BU02020339", "Welkomstgroep nieuwe bewoners (voorbeeld)", "ontmoeten", "lopend", "2024-09-01",
     "Buren heten nieuwkomers welkom met informatie over de wijk."),
    # Malburgen
    ("BU02021681", "Natuurwerkdag in de uiterwaarden (voorbeeld)", "groen", "lopend", "2022-11-05",
     "Jaarlijkse werkdag met knotten, snoeien en zwerfafval ruimen."),
    ("BU02021682", "Voorleesuurtje (voorbeeld)", "ontmoeten", "lopend", "2023-02-15",
     "Buurtbewoners lezen voor aan peuters en kleuters."),
    ("BU02021682", "Energiecoaches aan huis (voorbeeld)", "armoede", "lopend", "2022-12-01",
     "Tips en kleine maatregelen om de energierekening te verlagen."),
    ("BU02021780", "Sportmiddag voor de buurt (voorbeeld)", "gezondheid", "lopend", "2023-08-30",
     "Laagdrempelig sporten voor alle leeftijden op het veld."),
    ("BU02021780", "Speeltuinvrijwilligers (voorbeeld)", "spelen", "afgerond", "2022-05-01",
     "Vrijwilligers hielden de speeltuin een seizoen lang open."),
    ("BU02021783", "Avondronde buurtwacht (voorbeeld)", "veiligheid", "lopend", "2021-10-15",
     "Bewoners lopen 's avonds in tweetallen een vaste ronde."),
    ("BU02021798", "Gemeenschappelijke kruidentuin (voorbeeld)", "groen", "afgerond", "2023-04-01",
     "Een kruidentuin waar iedereen mag plukken."),
    ("BU02021798", "Samen eten voor alleenstaanden (voorbeeld)", "ontmoeten", "lopend", "2024-02-12",
     "Maandelijkse maaltijd tegen een kleine bijdrage."),
    ("BU02021815", "Budgetcursus (voorbeeld)", "armoede", "afgerond", "2022-01-18",
     "Cursus van zes avonden over rondkomen met een krap budget."),
    ("BU02021884", "Plan voor een skatebaan (voorbeeld)", "spelen", "idee", "2026-07-01",
     "Jongeren werken een voorstel uit voor een kleine skatebaan."),
    ("BU02021885", "Valpreventietraining (voorbeeld)", "gezondheid", "lopend", "2024-03-05",
     "Oefeningen voor balans en kracht voor 65-plussers."),
    ("BU02021886", "Zwerfafval prikken langs de singel (voorbeeld)", "groen", "lopend", "2023-06-03",
     "Elke eerste zaterdag van de maand een uur prikken."),
    ("BU02021887", "Openstelling buurtkamer (voorbeeld)", "ontmoeten", "gestopt", "2022-08-01",
     "Buurtkamer was twee middagen per week open; gestopt na verhuizing."),
    ("BU02021888", "Veilige oversteek bij school (voorbeeld)", "veiligheid", "idee", "2026-01-15",
     "Ouders en kinderen brengen gevaarlijke oversteekplekken in kaart."),
]


def data_dir():
    if len(sys.argv) > 1:
        return sys.argv[1]
    env = os.environ.get("WIJKATLAS_DATA_DIR")
    if env:
        return env
    return os.path.join(os.path.dirname(REPO), "shared", "datasets")


def parse_ring_polygon(wkt):
    """POLYGON((x y, ...), (...)) -> list of rings (lists of (x, y))."""
    assert wkt.startswith("POLYGON"), wkt[:20]
    body = wkt[wkt.index("(") + 1: wkt.rindex(")")]
    rings = []
    for part in body.split("),"):
        part = part.strip().lstrip("(").rstrip(")")
        rings.append([tuple(float(v) for v in p.split()) for p in part.split(",")])
    return rings


def inside(rings, x, y):
    c = False
    for ring in rings:
        n = len(ring)
        for i in range(n - 1):
            (x1, y1), (x2, y2) = ring[i], ring[i + 1]
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                c = not c
    return c


def seg_dist(px, py, x1, y1, x2, y2):
    dx, dy = x2 - x1, y2 - y1
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (x1 + t * dx), py - (y1 + t * dy))


def edge_dist(rings, x, y):
    return min(seg_dist(x, y, *r[i], *r[i + 1]) for r in rings for i in range(len(r) - 1))


def pick_points(rings, k):
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    cands = []
    x = math.floor(min(xs) / GRID_M) * GRID_M
    while x <= max(xs):
        y = math.floor(min(ys) / GRID_M) * GRID_M
        while y <= max(ys):
            if inside(rings, x, y):
                d = edge_dist(rings, x, y)
                cands.append((d, x, y))
            y += GRID_M
        x += GRID_M
    best = max(cands)
    floor_d = min(MIN_EDGE_M, best[0])
    pool = [c for c in cands if c[0] >= floor_d]
    chosen = [best]
    while len(chosen) < k:
        nxt = max(pool, key=lambda c: (min(math.hypot(c[1] - q[1], c[2] - q[2]) for q in chosen), c[0]))
        chosen.append(nxt)
    return [(c[1], c[2], c[0]) for c in chosen]


def main():
    gpkg = os.path.join(data_dir(), "cbs", "arnhem_wijkbuurt_2024_generalized.gpkg")
    codes = sorted({r[0] for r in ROWS})
    sql = ("SELECT buurtcode, ST_AsText(geom) AS wkt FROM buurten WHERE buurtcode IN (%s)"
           % ",".join("'%s'" % c for c in codes))
    out = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", gpkg, "-dialect", "SQLite", "-sql", sql],
                         check=True, capture_output=True, text=True).stdout
    polys = {r["buurtcode"]: parse_ring_polygon(r["wkt"]) for r in csv.DictReader(io.StringIO(out))}
    missing = set(codes) - set(polys)
    if missing:
        sys.exit("buurten not found in %s: %s" % (gpkg, sorted(missing)))

    per_buurt = {c: pick_points(polys[c], sum(1 for r in ROWS if r[0] == c)) for c in codes}
    used = {c: 0 for c in codes}
    rd = []
    for r in ROWS:
        x, y, d = per_buurt[r[0]][used[r[0]]]
        used[r[0]] += 1
        rd.append((round(x), round(y), d))

    # RD New -> WGS84 with PROJ (same library the engine uses). cs2cs prints lat lon for EPSG:4326.
    inp = "".join("%d %d\n" % (x, y) for x, y, _ in rd)
    res = subprocess.run(["cs2cs", "-f", "%.9f", "EPSG:28992", "EPSG:4326"], input=inp,
                         check=True, capture_output=True, text=True).stdout.split("\n")
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(FIELDS)
        for i, (r, line) in enumerate(zip(ROWS, res), start=1):
            lat, lon = (float(v) for v in line.split()[:2])
            w.writerow(["VB-%03d" % i, r[1], r[2], "Fictief voorbeeld. " + r[5], r[3], r[4],
                        "%.6f" % lon, "%.6f" % lat, "Contactpersoon Voorbeeld %02d" % i,
                        "voorbeeld%02d@example.org" % i, "06-000000%02d" % i, "ja"])
            print("VB-%03d %s x=%d y=%d edge=%.0fm" % (i, r[0], rd[i - 1][0], rd[i - 1][1], rd[i - 1][2]),
                  file=sys.stderr)
    print("wrote %s (%d rows)" % (OUT, len(ROWS)), file=sys.stderr)

    with open(os.path.join(data_dir(), "cbs", "programma_arnhem_oost_codes.csv"), encoding="utf-8") as f:
        prog = {r["buurtcode"]: r for r in csv.DictReader(f)}
    with open(OUT_BUURTEN, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "buurtcode", "buurtnaam", "wijkcode", "programma_code", "programma_naam"])
        for i, r in enumerate(ROWS, start=1):
            p = prog[r[0]]
            w.writerow(["VB-%03d" % i, r[0], p["buurtnaam"], p["wijkcode"], SLUGS[p["programma"]], p["programma"]])
    print("wrote %s" % OUT_BUURTEN, file=sys.stderr)


if __name__ == "__main__":
    main()
