#!/bin/sh
# Trunk's post_build hook (Trunk.toml): writes sw.js, the service worker (web/sw.js), into the
# staged site with the list of the site's files and a version made from their contents, so
# that every build that changes a file is a new version with a cache of its own.
set -eu
cd "$TRUNK_STAGING_DIR"
files=$(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
# shellcheck disable=SC2086 # Trunk's file names have no spaces
version=$(cat $files | sha256sum | cut -c1-16)
list='"./"'
for f in $files; do list="$list, \"$f\""; done
sed -e "s|__VERSION__|$version|" -e "s|__FILES__|[$list]|" "$TRUNK_SOURCE_DIR/sw.js" > sw.js
echo "offline: sw.js version $version caches $(echo "$files" | wc -l) files and ./"
