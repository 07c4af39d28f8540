#!/usr/bin/env bash
# Turns bench/results/join_bench.csv into the Markdown tables of docs/performance.md.
#   bench/summarize_results.sh bench/results/join_bench.csv
set -euo pipefail
awk -F, '
NR == 1 { next }
{
  key = $1 SUBSEP $2
  if (!(key in seen)) { seen[key] = 1; order[++n] = key }
  t[key, $3] = $4; m[key, $3] = $5; hit[key, $3] = $6
}
function ratio(a, b) { return (a > 0 && b > 0) ? sprintf(a / b < 1 ? "%.2fx" : "%.1fx", a / b) : "-" }
END {
  print "Times in seconds (wall clock). Ratios > 1 mean wijkatlas is faster.\n"
  print "| dataset | points | GEOS prepared loop | wijkatlas join phase (2 threads / 1 thread) | GEOS ÷ wijkatlas (2 / 1 thr) | `wijkatlas join` command (default) | same, --joined-points always | PostGIS query | PostGIS ÷ command | SpatiaLite ogr2ogr |"
  print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for (i = 1; i <= n; i++) {
    k = order[i]; split(k, p, SUBSEP)
    g = t[k, "geos_prepared_strtree"]; w = t[k, "wijkatlas_join_phase"]; w1 = t[k, "wijkatlas_join_phase_1thread"]
    c = t[k, "wijkatlas_join_command"]; c0 = t[k, "wijkatlas_join_command_joined_points_always"]
    pg = t[k, "postgis_query"]; sl = t[k, "spatialite_ogr2ogr"]
    printf "| %s | %d | %.3f | %.3f / %.3f | %s / %s | %.2f | %.2f | %.3f | %s | %.2f |\n", p[1], p[2], g, w, w1,
      ratio(g, w), ratio(g, w1), c, c0, pg, ratio(pg, c), sl
  }
  print "\nPeak memory (MB, maximum resident set size; PostGIS: the backend process VmHWM) and matched points.\n"
  print "| dataset | points | `wijkatlas join` | same, --joined-points always | wijkatlas join phase program | GEOS peer program | PostGIS backend | SpatiaLite ogr2ogr | matched: wijkatlas / GEOS / PostGIS / SpatiaLite |"
  print "|---|---:|---:|---:|---:|---:|---:|---:|---|"
  for (i = 1; i <= n; i++) {
    k = order[i]; split(k, p, SUBSEP)
    printf "| %s | %d | %s | %s | %s | %s | %s | %s | %s / %s / %s / %s |\n", p[1], p[2],
      m[k, "wijkatlas_join_command"], m[k, "wijkatlas_join_command_joined_points_always"],
      m[k, "wijkatlas_join_phase"], m[k, "geos_prepared_strtree"], m[k, "postgis_query"],
      m[k, "spatialite_ogr2ogr"], hit[k, "wijkatlas_join_command"], hit[k, "geos_prepared_strtree"],
      hit[k, "postgis_query"], hit[k, "spatialite_ogr2ogr"]
  }
}' "$1"
