// The programs' allocator is jemalloc (Debian's libjemalloc2, linked by cmake/allocator.cmake),
// and this is its configuration: jemalloc reads the symbol `malloc_conf` when it starts, before
// main. Transparent huge pages for all its memory: a join of a million points into 14,000
// polygons faulted in about 70,000 pages of 4 KiB with glibc's allocator, which was about half
// of the command's time on the benchmark machine (docs/performance.md, "The allocator").
extern "C" {
// The name is jemalloc's; the weak default in the library gives way to this definition.
extern const char* const malloc_conf;
const char* const malloc_conf = "thp:always,metadata_thp:auto";
}
