#!/usr/bin/env python3
"""Builds assets/map/europe.json, the country outlines the plant map is drawn on.

Source: Natural Earth 1:50m admin-0 countries (public domain), as TopoJSON in the npm
package world-atlas (ISC). The outlines are projected (equirectangular, scaled by the
cosine of 50°N, true to shape over Germany, Austria and Switzerland), cropped to Europe,
thinned to what a 1000-unit wide drawing shows, and written as SVG path data, so the
server draws the map with no tile server and no network.

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/build-map.py package/countries-50m.json > assets/map/europe.json
"""
import json
import math
import sys

LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = -11.0, 32.0, 35.0, 61.0
LAT0 = 50.0
WIDTH = 1000.0
COS = math.cos(math.radians(LAT0))
K = WIDTH / ((LON_MAX - LON_MIN) * COS)
HEIGHT = (LAT_MAX - LAT_MIN) * K


def project(lon, lat):
    return ((lon - LON_MIN) * COS * K, (LAT_MAX - lat) * K)


def main(path):
    topo = json.load(open(path))
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices):
        out = []
        for i in indices:
            pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            out.extend(pts if not out else pts[1:])
        return out

    countries = []
    for geo in topo["objects"]["countries"]["geometries"]:
        polys = geo.get("arcs", [])
        if geo["type"] == "Polygon":
            polys = [polys]
        elif geo["type"] != "MultiPolygon":
            continue
        d = []
        for poly in polys:
            for r in poly:
                pts = ring(r)
                if not any(LON_MIN - 5 <= lon <= LON_MAX + 5 and LAT_MIN - 5 <= lat <= LAT_MAX + 5 for lon, lat in pts):
                    continue
                xy = []
                for lon, lat in pts:
                    x, y = project(lon, lat)
                    if not xy or abs(x - xy[-1][0]) + abs(y - xy[-1][1]) >= 0.6:
                        xy.append((x, y))
                if len(xy) < 3:
                    continue
                d.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
        if d:
            countries.append({"id": geo.get("id", ""), "name": geo["properties"]["name"], "d": "".join(d)})
    json.dump(
        {
            "source": "Natural Earth 1:50m admin-0 countries (public domain), via world-atlas 2.0.2",
            "lon_min": LON_MIN, "lon_max": LON_MAX, "lat_min": LAT_MIN, "lat_max": LAT_MAX,
            "lat0": LAT0, "width": WIDTH, "height": round(HEIGHT, 1),
            "countries": countries,
        },
        sys.stdout,
        separators=(",", ":"),
    )


if __name__ == "__main__":
    main(sys.argv[1])
