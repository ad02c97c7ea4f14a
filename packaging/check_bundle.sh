#!/usr/bin/env bash
# Start the BUILT desktop app (dist/maegler/maegler) as a broker would, and fail if any part of it
# does not work: --version, --help and each sub-command's --help, and `--demo --screenshots DIR`,
# which creates a demo profile (every migration), saves a picture of every view and imports every
# view and tab the app imports by name (it exits non-zero when one is missing or anything failed).
#   packaging/check_bundle.sh [BUNDLE_DIR] [SCREENSHOT_DIR]
set -uo pipefail
cd "$(dirname "$0")/.."
bundle=${1:-dist/maegler}
shots=${2:-build/bundle-screenshots}
app="$bundle/maegler"
passed=0
failed=0

check() {  # check NAME COMMAND...: run it, count it, show its output when it fails
  local name=$1
  shift
  local out
  if out=$("$@" 2>&1); then
    passed=$((passed + 1))
    echo "ok    $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name (exit $?)"
    echo "$out" | tail -n 40 | sed 's/^/      /'
  fi
}

export MAEGLER_HOME
MAEGLER_HOME=$(mktemp -d)
export MAEGLER_LOG_DIR="$MAEGLER_HOME/log"
trap 'rm -rf "$MAEGLER_HOME"' EXIT

check "--version says maegler and the version" bash -c "'$app' --version | grep -qx 'maegler [0-9][0-9.]*'"
check "--help" "$app" --help
commands=$("$app" --help | awk '/^underkommandoer:/ {on=1; next} on && /^    [a-z]/ {print $1}')
for command in $commands; do
  check "$command --help" "$app" "$command" --help
done
[ -n "$commands" ] || { failed=$((failed + 1)); echo "FAIL  no sub-commands listed by --help"; }

rm -rf "$shots"
if command -v xvfb-run >/dev/null 2>&1 && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  run_gui=(xvfb-run -a -s "-screen 0 1400x900x24")
else
  run_gui=(env QT_QPA_PLATFORM=offscreen)
fi
check "--demo --screenshots (every view, every tab imported)" "${run_gui[@]}" "$app" --demo --screenshots "$shots"
views=$(find "$shots" -name '*.png' 2>/dev/null | wc -l)
if [ "$views" -ge 6 ]; then
  passed=$((passed + 1))
  echo "ok    $views screenshots in $shots"
else
  failed=$((failed + 1))
  echo "FAIL  $views screenshots in $shots (6 views expected)"
fi
if command -v pdftotext >/dev/null 2>&1; then
  check "a PDF made in the bundle reads back" bash -c "pdftotext '$shots/referat.pdf' - | grep -q 'Referat'"
  pdftoppm -png -r 50 -f 1 -l 1 "$shots/referat.pdf" "$shots/referat" 2>/dev/null || true
else
  check "a PDF made in the bundle" test -s "$shots/referat.pdf"
fi
check "the log file was written" test -s "$MAEGLER_LOG_DIR/maegler.log"
# --- english: the translations compiled into the bundle (issue 24)
check "the English and Danish translations are in the bundle" bash -c \
  "find '$bundle' -name maegler_en.qm -size +10k | grep -q . && find '$bundle' -name maegler_da.qm | grep -q ."

# The Linux install script, as a broker runs it (into a home of its own): the menu entry's Exec works.
home="$MAEGLER_HOME/home"
check "install.sh installs the program, the command and the menu entry" env HOME="$home" XDG_DATA_HOME= \
  sh "$bundle/install.sh"
desktop="$home/.local/share/applications/maegler.desktop"
exec_line=$(sed -n 's/^Exec=//p' "$desktop" 2>/dev/null | tr -d '"')
check "the menu entry's Exec= starts the installed program (--version)" "$exec_line" --version
check "the installed command works" "$home/.local/bin/maegler" --version
check "the icon is installed" test -s "$home/.local/share/icons/hicolor/scalable/apps/maegler.svg"
if command -v desktop-file-validate >/dev/null 2>&1; then
  check "desktop-file-validate" desktop-file-validate "$desktop"
fi
check "install.sh --remove" env HOME="$home" XDG_DATA_HOME= sh "$bundle/install.sh" --remove

echo "unpacked: $(du -sm "$bundle" | cut -f1) MB; checked in $SECONDS s"
echo "bundle: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
