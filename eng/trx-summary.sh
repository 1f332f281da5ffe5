#!/usr/bin/env bash
# Adds up the <Counters .../> element of one or more .trx files (Visual Studio test results)
# and prints one line:  "N passed, N failed"  plus ", N skipped" when N > 0.
#   usage:  eng/trx-summary.sh FILE.trx [FILE.trx...]
#   exit:   0 when no test failed and at least one ran; 1 otherwise; 2 on bad usage
# "failed" counts the outcomes failed, error, timeout and aborted; "skipped" is
# total - executed (xUnit's [Fact(Skip=..)] and the like). No file at all counts as 0 tests.
set -uo pipefail
files=()
for f in "$@"; do
  [ -f "$f" ] || { echo "trx-summary.sh: no such file: $f" >&2; exit 2; }
  files+=("$f")
done

# Records are split on '<', so each record is one XML element whatever the line breaks.
# The attributes are matched with plain match() to stay within POSIX awk (mawk, busybox).
read -r passed failed skipped executed < <(
  if [ ${#files[@]} -eq 0 ]; then echo "0 0 0 0"; exit 0; fi
  awk '
    function attr(rec, name,    s) {
      if (match(rec, "[ \t\r\n]" name "[ \t\r\n]*=[ \t\r\n]*\"[0-9]+\"")) {
        s = substr(rec, RSTART, RLENGTH)
        sub(/^[^"]*"/, "", s); sub(/"$/, "", s)
        return s + 0
      }
      return 0
    }
    BEGIN { RS = "<" }
    /^Counters[ \t\r\n\/>]/ {
      total = attr($0, "total"); exec = attr($0, "executed")
      p += attr($0, "passed")
      f += attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted")
      if (total > exec) s += total - exec
      e += exec
    }
    END { printf "%d %d %d %d\n", p, f, s, e }
  ' "${files[@]}"
)

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$executed" -gt 0 ] && [ $((passed + failed)) -gt 0 ]
