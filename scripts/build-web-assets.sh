#!/usr/bin/env bash
# Build the offline assets of `sitrep serve` from npm packages (at build time; nothing is fetched
# from a CDN at run time): Leaflet, Leaflet.markercluster and Natural Earth country borders
# (world-atlas, converted from TopoJSON to GeoJSON with topojson-client).
#
#   bash scripts/build-web-assets.sh          # idempotent: a no-op when the assets are built
#   bash scripts/build-web-assets.sh --force  # rebuild
#
# npm installs into build/web-assets/ (gitignored); only the files the page needs are copied to
# src/sitrep/web/static/vendor/ (gitignored too).
set -euo pipefail
cd "$(dirname "$0")/.."

LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0
STAMP="leaflet@$LEAFLET leaflet.markercluster@$MARKERCLUSTER world-atlas@$WORLD_ATLAS topojson-client@$TOPOJSON_CLIENT"

BUILD=build/web-assets
VENDOR=src/sitrep/web/static/vendor
NEEDED=(leaflet.js leaflet.css images/marker-icon.png markercluster.js MarkerCluster.css
        MarkerCluster.Default.css countries.geojson VERSIONS)

built() {
    [[ -f "$VENDOR/VERSIONS" && "$(cat "$VENDOR/VERSIONS")" == "$STAMP" ]] || return 1
    local name
    for name in "${NEEDED[@]}"; do [[ -s "$VENDOR/$name" ]] || return 1; done
}

if [[ "${1:-}" != "--force" ]] && built; then
    echo "web assets are up to date in $VENDOR" >&2
    exit 0
fi
command -v npm >/dev/null || { echo "build-web-assets: npm is needed (Node.js 18 or later)" >&2; exit 1; }

mkdir -p "$BUILD"
cat > "$BUILD/package.json" <<JSON
{
  "name": "sitrep-web-assets",
  "private": true,
  "description": "build-time only: the offline JavaScript and map data of sitrep serve",
  "dependencies": {
    "leaflet": "$LEAFLET",
    "leaflet.markercluster": "$MARKERCLUSTER",
    "topojson-client": "$TOPOJSON_CLIENT",
    "world-atlas": "$WORLD_ATLAS"
  }
}
JSON
npm install --prefix "$BUILD" --no-audit --no-fund --ignore-scripts --loglevel=error >&2

modules="$PWD/$BUILD/node_modules"
rm -rf "$VENDOR"
mkdir -p "$VENDOR/images"
cp "$modules/leaflet/dist/leaflet.js" "$modules/leaflet/dist/leaflet.css" "$VENDOR/"
cp "$modules/leaflet/dist/images/"*.png "$VENDOR/images/"
cp "$modules/leaflet/LICENSE" "$VENDOR/LICENSE-leaflet"
cp "$modules/leaflet.markercluster/dist/leaflet.markercluster.js" "$VENDOR/markercluster.js"
cp "$modules/leaflet.markercluster/dist/MarkerCluster.css" \
   "$modules/leaflet.markercluster/dist/MarkerCluster.Default.css" "$VENDOR/"
cp "$modules/leaflet.markercluster/MIT-LICENCE.txt" "$VENDOR/LICENSE-markercluster"

# Natural Earth 1:50m countries as GeoJSON, coordinates rounded to ~100 m to keep the file small.
node - "$modules" "$VENDOR/countries.geojson" <<'JS'
const [modules, out] = process.argv.slice(2);
const fs = require("fs");
const topojson = require(`${modules}/topojson-client`);
const topology = JSON.parse(fs.readFileSync(`${modules}/world-atlas/countries-50m.json`, "utf8"));
const countries = topojson.feature(topology, topology.objects.countries);
const round = (value) => Array.isArray(value) ? value.map(round) : Math.round(value * 1000) / 1000;
for (const feature of countries.features) {
  feature.geometry.coordinates = round(feature.geometry.coordinates);
}
fs.writeFileSync(out, JSON.stringify(countries));
JS
echo "Natural Earth country borders: world-atlas $WORLD_ATLAS (public domain)" > "$VENDOR/LICENSE-countries"
echo "$STAMP" > "$VENDOR/VERSIONS"
echo "web assets built in $VENDOR" >&2
