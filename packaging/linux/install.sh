#!/usr/bin/env sh
# Install Mægler for this user, from the unpacked bundle this script lies in: the program in
# ~/.local/lib/maegler, the command ~/.local/bin/maegler, a menu entry and the icon.
#   ./install.sh            install (again: replaces the program, keeps every profile)
#   ./install.sh --remove   remove the program, the command, the menu entry and the icon
# No administrator rights are needed; profiles (the data) are never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
dest="$HOME/.local/lib/maegler"
bin="$HOME/.local/bin"
desktop="$data/applications/maegler.desktop"
icon="$data/icons/hicolor/scalable/apps/maegler.svg"

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$dest" "$desktop" "$icon"
  [ -L "$bin/maegler" ] && rm -f "$bin/maegler"
  echo "Mægler er fjernet (profilerne er urørte)."
  exit 0
fi

[ -x "$here/maegler" ] || { echo "install.sh: læg den ved siden af programmet maegler" >&2; exit 1; }
if [ "$here" != "$dest" ]; then
  rm -rf "$dest.new"
  mkdir -p "$(dirname "$dest")"
  cp -a "$here" "$dest.new"
  rm -rf "$dest"
  mv "$dest.new" "$dest"
fi
mkdir -p "$bin" "$(dirname "$desktop")" "$(dirname "$icon")"
ln -sf "$dest/maegler" "$bin/maegler"
cp "$dest/share/maegler.svg" "$icon"
# Exec with the full path, quoted: the menu finds the program whether or not ~/.local/bin is on PATH
sed -e "s|^Exec=.*|Exec=\"$dest/maegler\"|" -e "s|^TryExec=.*|TryExec=$dest/maegler|" \
  "$dest/share/maegler.desktop" > "$desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "Mægler er installeret: $dest (start den fra menuen eller med $bin/maegler)"
