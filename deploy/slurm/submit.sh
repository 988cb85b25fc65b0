#!/usr/bin/env bash
# Submits a sharded crawl of a sites file: SHARDS array tasks (crawl-array.sbatch), then the merge
# (merge.sbatch) once every task has succeeded. Run it from the folder where the logs should go;
# give absolute paths on shared storage.
#   MUNISCAN_SITES=/shared/muniscan/sites/de.csv MUNISCAN_ARCHIVES=/shared/muniscan/crawls/2026-11 \
#   MUNISCAN_REPORTS=/shared/muniscan/reports/2026-11 MUNISCAN_PUBLIC=/shared/muniscan/public \
#   MUNISCAN_STORE=/shared/muniscan/runs.sqlite MUNISCAN_OPERATOR="Jane Doe <jane@example.org>" \
#   SHARDS=16 deploy/slurm/submit.sh
# Watch it with: squeue --me; sacct -j JOBID --format=JobID,State,Elapsed; each task's progress
# line in its log (muniscan-crawl-JOBID_TASK.log); wc -l "$MUNISCAN_ARCHIVES"/shard-*/done.jsonl.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shards="${SHARDS:-8}"
array=$(sbatch --parsable --export=ALL --array="0-$((shards - 1))" "$here/crawl-array.sbatch")
merge=$(sbatch --parsable --export="ALL,MUNISCAN_SHARDS=${shards}" \
  --dependency="afterok:${array}" "$here/merge.sbatch")
echo "crawl array ${array} (${shards} shards), merge ${merge} after it"
