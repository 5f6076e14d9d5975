"""The page's static files, and the vendored libraries built from npm packages.

`scripts/build-web-assets.sh` installs Leaflet, Leaflet.markercluster and the Natural Earth country
borders with npm at build time and copies the files the page needs into `static/vendor/`; sitrep
serves them itself, so the page works with no internet.
"""

from __future__ import annotations

from pathlib import Path

from sitrep.errors import SitrepError

STATIC_DIR = Path(__file__).resolve().parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
#: files the page loads from static/vendor/.
VENDOR_FILES: tuple[str, ...] = (
    "leaflet.js",
    "leaflet.css",
    "markercluster.js",
    "MarkerCluster.css",
    "MarkerCluster.Default.css",
    "countries.geojson",
)
BUILD_HINT = "build them with `bash scripts/build-web-assets.sh` (needs npm, once, at build time)"


class WebAssetsError(SitrepError):
    """The page's libraries or base map are not built."""


def missing_assets(vendor_dir: Path | None = None) -> list[str]:
    """The vendored files that are absent or empty (in `vendor_dir`, by default the package's)."""
    folder = vendor_dir or VENDOR_DIR
    return [name for name in VENDOR_FILES if not _present(folder / name)]


def require_assets(vendor_dir: Path | None = None) -> None:
    """Raise WebAssetsError, saying how to build them, when any vendored file is missing."""
    vendor_dir = vendor_dir or VENDOR_DIR
    missing = missing_assets(vendor_dir)
    if missing:
        raise WebAssetsError(
            f"the web page's assets are missing from {vendor_dir} ({', '.join(missing)}); {BUILD_HINT}"
        )


def _present(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False
