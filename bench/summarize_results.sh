#!/usr/bin/env bash
# Turns bench/results/join_bench.csv into the Markdown tables of docs/performance.md: medians
# over the repetitions, ratios of medians, and whether every tool's checksum agrees.
#   bench/summarize_results.sh bench/results/join_bench.csv [bench/results/machine.txt]
set -euo pipefail
if [ -n "${2:-}" ] && [ -f "$2" ]; then
  sed -n 's/^started: \(.*\); finished: \(.*\)$/Run from \1 to \2 (UTC); /p; s/^load average at start \/ end: \(.*\)$/load average (1, 5, 15 min) at start \/ end: \1; /p; s/^repetitions: \(.*\)$/repetitions: \1./p' "$2" | tr -d '\n' | sed 's/\.Run from/.\nRun from/g'
  echo; echo
fi
awk -F, '
NR == 1 { next }
{
  key = $1 SUBSEP $2
  if (!(key in seen)) { seen[key] = 1; order[++n] = key }
  k = key SUBSEP $3
  c = ++count[k]; secs[k, c] = $5; rss[k, c] = $6; cpu[k, c] = (NF >= 10 && $10 != "-") ? $10 : -1
  matched[k] = $7
  if ($8 != "-" && $8 != "") {
    if (!((key, $8) in sums)) { sums[key, $8] = 1; distinct[key]++ ; checksum[key] = $8 }
    checked[key]++
  }
}
function median(arr, k,    i, j, m, v, tmp) {
  m = count[k]; if (m == 0) return -1
  for (i = 1; i <= m; i++) v[i] = arr[k, i] + 0
  for (i = 2; i <= m; i++) { tmp = v[i]; for (j = i - 1; j >= 1 && v[j] > tmp; j--) v[j + 1] = v[j]; v[j + 1] = tmp }
  return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
}
function s(key, tool) { return median(secs, key SUBSEP tool) }
function cs(key, tool) { return median(cpu, key SUBSEP tool) }
function mb(key, tool,    v) { v = median(rss, key SUBSEP tool); return v < 0 ? "-" : sprintf("%d", v) }
function ratio(a, b) { return (a > 0 && b > 0) ? sprintf(a / b < 1 ? "%.2fx" : "%.1fx", a / b) : "-" }
function fmt(v, digits) { return v < 0 ? "-" : sprintf("%." digits "f", v) }
END {
  print "Join phase (points and polygons in memory; seconds, medians). Ratios > 1: wijkatlas faster.\n"
  print "| dataset | points | GEOS prepared loop | wijkatlas join phase, 2 threads / 1 thread | GEOS ÷ wijkatlas (2 / 1 thr) |"
  print "|---|---:|---:|---:|---:|"
  for (i = 1; i <= n; i++) {
    k = order[i]; split(k, p, SUBSEP)
    g = s(k, "geos_prepared_strtree"); w = s(k, "wijkatlas_join_phase"); w1 = s(k, "wijkatlas_join_phase_1thread")
    printf "| %s | %d | %s | %s / %s | %s / %s |\n", p[1], p[2], fmt(g, 3), fmt(w, 3), fmt(w1, 3), ratio(g, w), ratio(g, w1)
  }
  print "\nWhole runs (wall clock, seconds, medians). `wijkatlas join` reads, builds the buurt level, joins and writes the GeoPackage and the CSV; \"read alone\" is the same reading of the points and nothing else.\n"
  print "| dataset | points | read alone (GPKG) | `wijkatlas join` | ÷ read alone | --joined-points always | --joined-points codes | read alone (CSV) | `wijkatlas join` from CSV | PostGIS query | PostGIS load + query | PostGIS query ÷ command | SpatiaLite ogr2ogr | SpatiaLite ÷ command |"
  print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for (i = 1; i <= n; i++) {
    k = order[i]; split(k, p, SUBSEP)
    r = s(k, "wijkatlas_read_points_gpkg"); c = s(k, "wijkatlas_join_command"); a = s(k, "wijkatlas_join_command_joined_points_always")
    jc = s(k, "wijkatlas_join_command_joined_points_codes")
    rc = s(k, "wijkatlas_read_points_csv"); cc = s(k, "wijkatlas_join_command_from_csv")
    q = s(k, "postgis_query"); lq = s(k, "postgis_load_and_query"); sl = s(k, "spatialite_ogr2ogr")
    printf "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", p[1], p[2], fmt(r, 2), fmt(c, 2),
      (c > 0 && r > 0) ? sprintf("%.2f", c / r) : "-", fmt(a, 2), fmt(jc, 2), fmt(rc, 2), fmt(cc, 2), fmt(q, 3), fmt(lq, 2),
      ratio(q, c), fmt(sl, 2), ratio(sl, c)
  }
  print "\nCPU seconds (user + system of all threads, medians): on a shared machine these depend much less on other work than wall seconds. PostGIS runs in its server and is not included.\n"
  print "| dataset | points | GEOS prepared loop | wijkatlas join phase, 2 threads / 1 thread | GEOS ÷ wijkatlas (2 / 1 thr) | read alone (GPKG) | `wijkatlas join` | ÷ read alone | read alone (CSV) | `wijkatlas join` from CSV | SpatiaLite ogr2ogr |"
  print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for (i = 1; i <= n; i++) {
    k = order[i]; split(k, p, SUBSEP)
    g = cs(k, "geos_prepared_strtree"); w = cs(k, "wijkatlas_join_phase"); w1 = cs(k, "wijkatlas_join_phase_1thread")
    r = cs(k, "wijkatlas_read_points_gpkg"); c = cs(k, "wijkatlas_join_command")
    rc = cs(k, "wijkatlas_read_points_csv"); cc = cs(k, "wijkatlas_join_command_from_csv"); sl = cs(k, "spatialite_ogr2ogr")
    printf "| %s | %d | %s | %s / %s | %s / %s | %s | %s | %s | %s | %s | %s |\n", p[1], p[2], fmt(g, 3), fmt(w, 3), fmt(w1, 3),
      ratio(g, w), ratio(g, w1), fmt(r, 2), fmt(c, 2), (c > 0 && r > 0) ? sprintf("%.2f", c / r) : "-", fmt(rc, 2), fmt(cc, 2), fmt(sl, 2)
  }
  print "\nPeak memory (MB, maximum resident set size, medians; PostGIS: the query backend'\''s VmHWM), matched points and the checksum of the assignments (sum of the polygon fids over the matched points; every tool, every run).\n"
  print "| dataset | points | `wijkatlas join` | --joined-points always | --joined-points codes | from CSV | read alone (GPKG) | join phase program | GEOS peer | PostGIS backend | SpatiaLite | matched | checksums |"
  print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for (i = 1; i <= n; i++) {
    k = order[i]; split(k, p, SUBSEP)
    agree = distinct[k] == 1 ? sprintf("all %d agree: %s", checked[k], checksum[k]) : sprintf("**%d different**", distinct[k])
    printf "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", p[1], p[2],
      mb(k, "wijkatlas_join_command"), mb(k, "wijkatlas_join_command_joined_points_always"),
      mb(k, "wijkatlas_join_command_joined_points_codes"), mb(k, "wijkatlas_join_command_from_csv"),
      mb(k, "wijkatlas_read_points_gpkg"), mb(k, "wijkatlas_join_phase"), mb(k, "geos_prepared_strtree"),
      mb(k, "postgis_query"), mb(k, "spatialite_ogr2ogr"), matched[k SUBSEP "wijkatlas_join_command"], agree
  }
}' "$1"
