# Shared by the peer wrappers. Each wrapper takes LAYOUT PEERS_DIR and runs in a size's data
# folder: files/ (one file per record), peer/array/ (one JSON array per table), and the
# schemas (files/schema/ for records, peer/schemas/ for the array-wrapped ones).
TABLES="agreements events parties sources threat_categories"
# Batch file lists for tools that take instance paths as arguments: ~2 MB of arguments per
# process (ARG_MAX is 2 MiB here), i.e. ~40k records per process. As in peer-bench.
XARGS="xargs -0 -s 2000000"
set -o pipefail
