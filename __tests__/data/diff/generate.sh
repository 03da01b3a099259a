#!/usr/bin/env bash
# Regenerates the golden .diff inputs with real git and diff(1), in a throw-away repository under /tmp.
# The expected .json files are NOT produced here: after a deliberate change, run
#   UPDATE_GOLDEN=1 npm test -- __tests__/diff
# and review the .json changes like code.
# Hashes in `index` lines are stable (same content, same blob ids); the git version in format-patch
# signatures and the timestamps in plain `diff -u` headers change between runs.
set -euo pipefail

out="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/rescue-diff-golden.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"

export GIT_AUTHOR_NAME=Golden GIT_AUTHOR_EMAIL=golden@example.com
export GIT_COMMITTER_NAME=Golden GIT_COMMITTER_EMAIL=golden@example.com
export GIT_AUTHOR_DATE='2025-01-01T00:00:00Z' GIT_COMMITTER_DATE='2025-01-01T00:00:00Z'
# Ignore the user's configuration: core.quotepath, diff.noprefix, diff.renames would change the output.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
g() { git -c core.autocrlf=false -c core.quotepath=true -c diff.renames=false "$@"; }

g init -q -b main repo && cd repo
commit() { g add -A && g commit -q -m "$1"; }

# --- base commit ---------------------------------------------------------------------------------
seq 1 40 | sed 's/^/x = /' > many.py
printf 'import os\n\ndef run(cmd):\n    return os.system(cmd)\n' > run.py
printf 'print("one")\n' > one.py
printf 'def render(name):\n    return "<p>" + name + "</p>"\n' > view.py
printf 'import os\n\nSECRET = "a"\nTIMEOUT = 30\nRETRIES = 3\nDEBUG = False\n' > old_name.py
printf 'def query(db, user):\n    sql = "SELECT * FROM t WHERE u = %%s" %% user\n    return db.execute(sql)\n' > same.py
printf '#!/bin/sh\necho hi\n' > tool.sh
printf 'int main(void) {\r\n  return 0;\r\n}\r\n' > crlf.c
printf 'PNG\0\1\2\3\0binary' > logo.png
printf 'def cafe():\n    return 1\n' > 'café.py'
printf 'def spaced():\n    return 1\n' > 'my module.py'
printf 'a = 1\nb = 2\n' > gone.py
printf 'c = 3\n' > gone2.js
commit base

# --- several hunks in one file ---
sed -i 's/^x = 3$/x = 3  # changed/; s/^x = 20$/x = twenty/; /^x = 21$/d; s/^x = 38$/x = 38\nx = 38.5/' many.py
g diff > "$out/multi-hunk.diff"
# Same change, but the whole diff saved with CRLF line ends (as from a Windows editor or a web form).
sed 's/$/\r/' "$out/multi-hunk.diff" > "$out/crlf-diff.diff"
g checkout -q -- many.py

# --- a one-line file: git writes `@@ -1 +1 @@` without counts ---
printf 'print("two")\n' > one.py
g diff > "$out/one-line.diff"
g checkout -q -- one.py

# --- last line without newline, before and after ---
printf 'import os\n\ndef run(cmd):\n    return os.system(cmd)  # nosec' > run.py
g diff > "$out/no-newline-at-eof.diff"
g checkout -q -- run.py

# --- a file with CRLF line ends (content lines carry \r, git's own lines do not) ---
printf 'int main(void) {\r\n  system("ls");\r\n  return 0;\r\n}\r\n' > crlf.c
g diff > "$out/crlf-file.diff"
g checkout -q -- crlf.c

# --- mode-only change ---
chmod +x tool.sh
g diff > "$out/mode-only.diff"
# --no-prefix: paths without a/ and b/, here with a mode change and an edit
sed -i 's/^x = 2$/x = 2  # edited/' many.py
g diff --no-prefix > "$out/no-prefix.diff"
g checkout -q -- many.py && chmod -x tool.sh

# --- binary file changed: `Binary files a/x and b/x differ` ---
printf 'PNG\0\1\2\4\0binary!' > logo.png
g diff > "$out/binary.diff"
# The same change with --binary: a `GIT binary patch` section.
g diff --binary > "$out/binary-patch.diff"
g checkout -q -- logo.png

# --- quoted unicode path and a path with spaces ---
printf 'def cafe():\n    return eval(input())\n' > 'café.py'
g diff > "$out/quoted-unicode-path.diff"
g checkout -q -- 'café.py'
printf 'def spaced():\n    return 2\n' > 'my module.py'
g diff > "$out/path-with-spaces.diff"
g checkout -q -- 'my module.py'

# --- new files: a normal one, a one-line one (`@@ -0,0 +1 @@`), an empty one ---
printf 'import pickle\n\ndef load(b):\n    return pickle.loads(b)\n' > new.py
printf 'x = 1\n' > tiny.py
: > empty.py
g add -N new.py tiny.py empty.py
g diff > "$out/new-files.diff"
rm new.py tiny.py empty.py && g reset -q

# --- deleted files only ---
g rm -q gone.py gone2.js
g diff --cached > "$out/deletes-only.diff"
g reset -q && g checkout -q -- gone.py gone2.js

# --- renames: with edits (-M), without edits, and a copy (-C --find-copies-harder) ---
g mv old_name.py new_name.py
sed -i 's/^SECRET = .*/SECRET = os.environ["SECRET"]/' new_name.py
g mv view.py views/view.py 2>/dev/null || { mkdir views && g mv view.py views/view.py; }
g add -A
g -c diff.renames=true diff --cached -M > "$out/renames.diff"
g reset -q --hard
cp same.py same_copy.py && printf '\n# copied\n' >> same_copy.py && g add same_copy.py
g diff --cached -C --find-copies-harder > "$out/copy.diff"
g reset -q --hard && rm -f same_copy.py

# --- git format-patch: mail headers, a diffstat, a binary patch and a `-- ` signature ---
printf 'def query(db, user):\n    return db.execute("SELECT * FROM t WHERE u = ?", (user,))\n' > same.py
printf 'PNG\0\1\2\5\0binary' > logo.png
commit 'Use a parameterized query'
g format-patch -1 --stdout > "$out/format-patch.diff"

# --- plain diff -u of two files, outside git (timestamps in the headers) ---
mkdir -p "$work/plain/old" "$work/plain/new"
printf 'def f(p):\n    open(p).read()\n    return 1\n' > "$work/plain/old/f.py"
printf 'def f(p):\n    with open(p) as h:\n        h.read()\n    return 1\n' > "$work/plain/new/f.py"
(cd "$work/plain" && diff -u old/f.py new/f.py > "$out/plain-diff-u.diff" || true)
# Recursive over two trees with -N: `diff -ruN` command lines between files, epoch timestamps for absent files.
printf 'import yaml\n' > "$work/plain/new/g.py"
printf 'x = 1\n' > "$work/plain/old/h.py"
(cd "$work/plain" && TZ=UTC diff -ruN old new > "$out/plain-diff-ruN.diff" || true)

# --- malformed inputs, derived from real diffs above ---
# Truncated in the middle of the last hunk (as when a log or an API response is cut off).
head -n 20 "$out/multi-hunk.diff" > "$out/truncated.diff"
# A hunk whose header counts do not match its body, then stray text between two files.
{
  sed 's/^@@ -17,8 +17,7 @@/@@ -17,10 +17,9 @@/' "$out/multi-hunk.diff"
  printf 'this line is not part of any diff\n'
  cat "$out/one-line.diff"
} > "$out/malformed-counts.diff"
: > "$out/empty.diff"
printf 'Hello,\n\nplease review my change, thanks!\n' > "$out/not-a-diff.diff"
echo "regenerated in $out"
