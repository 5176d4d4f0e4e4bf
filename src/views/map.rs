//! The plant map: the visible plants as dots over country outlines that ship inside the
//! binary (`assets/map/europe.json`, built by `tools/build-map.py` from Natural Earth),
//! rendered as SVG on the server — no tile server, no network, works air-gapped. The
//! outlines scale with the page; the dots keep their size (24 px to touch) at any width.
//! Plants that would overlap are one dot with their count.

use std::sync::LazyLock;

use maud::{Markup, html};
use rust_embed::RustEmbed;
use serde::Deserialize;

use crate::i18n::args;
use crate::store::plants::Plant;
use crate::views::PageCtx;

#[derive(RustEmbed)]
#[folder = "assets/map/"]
struct MapFiles;

#[derive(Deserialize)]
struct MapData {
    lon_min: f64,
    lat_max: f64,
    lat0: f64,
    width: f64,
    height: f64,
    lon_max: f64,
    countries: Vec<Country>,
}

#[derive(Deserialize)]
struct Country {
    name: String,
    d: String,
    #[serde(skip)]
    bbox: (f64, f64, f64, f64),
}

static MAP: LazyLock<Option<MapData>> = LazyLock::new(|| {
    let file = MapFiles::get("europe.json")?;
    let mut data: MapData = serde_json::from_slice(&file.data).ok()?;
    for c in &mut data.countries {
        c.bbox = path_bbox(&c.d);
    }
    Some(data)
});

/// The bounding box (x0, y0, x1, y1) of `M…L…Z` path data.
fn path_bbox(d: &str) -> (f64, f64, f64, f64) {
    let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for pair in d.split(['M', 'L', 'Z']).filter(|s| !s.is_empty()) {
        if let Some((x, y)) = pair.split_once(',')
            && let (Ok(x), Ok(y)) = (x.parse::<f64>(), y.parse::<f64>())
        {
            b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
        }
    }
    b
}

impl MapData {
    fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let cos = self.lat0.to_radians().cos();
        let k = self.width / ((self.lon_max - self.lon_min) * cos);
        ((lon - self.lon_min) * cos * k, (self.lat_max - lat) * k)
    }
}

/// The map of `plants` (those with coordinates), zoomed to them; `registration` are the
/// countries where plants can be registered, drawn stronger. `None` when no plant has
/// coordinates.
pub fn plant_map(ctx: &PageCtx, plants: &[&Plant], registration: &[String]) -> Option<Markup> {
    let map = MAP.as_ref()?;
    let dots: Vec<(&Plant, f64, f64)> = plants
        .iter()
        .filter_map(|p| {
            let (x, y) = map.project(p.longitude?, p.latitude?);
            (0.0..=map.width).contains(&x).then_some(())?;
            (0.0..=map.height).contains(&y).then_some((*p, x, y))
        })
        .collect();
    if dots.is_empty() {
        return None;
    }
    // Zoom to the plants, with a margin, never closer than a region of ~300 units.
    let (mut x0, mut y0, mut x1, mut y1) = dots
        .iter()
        .fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |b, (_, x, y)| {
            (b.0.min(*x), b.1.min(*y), b.2.max(*x), b.3.max(*y))
        });
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let w = ((x1 - x0) * 1.3).max(300.0);
    let h = ((y1 - y0) * 1.3).max(w * 0.62);
    let w = w.max(h / 0.62);
    (x0, y0, x1, y1) = (cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0);
    let names: Vec<&str> = registration
        .iter()
        .filter_map(|c| country_name(c))
        .collect();
    let count = dots.len().to_string();
    let clusters = clusters(&dots, w / CLUSTER_SHARE);
    let pct = |v: f64, origin: f64, size: f64| format!("{:.2}%", (v - origin) * 100.0 / size);
    debug_assert!(
        (w / h - 1.0 / 0.62).abs() < 1e-6,
        "the stylesheet draws the map 100:62"
    );
    Some(html! {
        figure.plant-map {
            // The outlines are a nested, scaled drawing; the dots sit in the outer SVG,
            // whose units are CSS pixels (it has no viewBox), placed in percent of it, so
            // each keeps a 24 px target at any width.
            svg.map-drawing xmlns="http://www.w3.org/2000/svg" role="group" aria-labelledby="map-title map-desc" {
                title #map-title { (ctx.t("map-title")) }
                desc #map-desc { (ctx.t_args("map-desc", &args(&[("count", &count)]))) }
                svg viewBox=(format!("{x0:.1} {y0:.1} {w:.1} {h:.1}")) width="100%" height="100%" aria-hidden="true" {
                    rect.sea x=(format!("{x0:.1}")) y=(format!("{y0:.1}")) width=(format!("{w:.1}")) height=(format!("{h:.1}")) {}
                    g.countries {
                        @for c in map.countries.iter().filter(|c| c.bbox.2 >= x0 && c.bbox.0 <= x1 && c.bbox.3 >= y0 && c.bbox.1 <= y1) {
                            path d=(c.d) class=(if names.contains(&c.name.as_str()) { "open" } else { "" }) {}
                        }
                    }
                }
                g.dots {
                    @for c in &clusters {
                        @let (cx, cy) = (pct(c.x, x0, w), pct(c.y, y0, h));
                        @if let [p] = c.plants.as_slice() {
                            a href={ "/plants/" (p.id) } aria-label=(p.name) {
                                title { (p.name) ", " (p.city) }
                                circle.hit cx=(cx) cy=(cy) r="12" {}
                                circle.dot cx=(cx) cy=(cy) r="7" {}
                            }
                        } @else {
                            @let n = c.plants.len().to_string();
                            @let names = c.plants.iter().take(5).map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ");
                            @let label = ctx.t_args("map-cluster", &args(&[("count", &n), ("names", &names)]));
                            a.cluster href=(cluster_link(&c.plants)) aria-label=(label) {
                                title { (label) }
                                circle.hit cx=(cx) cy=(cy) r="16" {}
                                circle.dot cx=(cx) cy=(cy) r="15" {}
                                text x=(cx) y=(cy) dy="0.35em" text-anchor="middle" aria-hidden="true" { (n) }
                            }
                        }
                    }
                }
            }
            figcaption.small.hint { (ctx.t("map-caption")) }
        }
    })
}

/// The share of the map's width within which plants become one dot.
const CLUSTER_SHARE: f64 = 40.0;

/// Plants drawn as one dot: where, and which.
struct Cluster<'a> {
    x: f64,
    y: f64,
    plants: Vec<&'a Plant>,
}

/// Groups the dots that lie within `reach` of a group's first dot, in the order given.
fn clusters<'a>(dots: &[(&'a Plant, f64, f64)], reach: f64) -> Vec<Cluster<'a>> {
    let mut out: Vec<Cluster<'a>> = Vec::new();
    for (p, x, y) in dots {
        match out.iter_mut().find(|c| (c.x - x).hypot(c.y - y) <= reach) {
            Some(c) => c.plants.push(p),
            None => out.push(Cluster {
                x: *x,
                y: *y,
                plants: vec![p],
            }),
        }
    }
    out
}

/// Where a dot of several plants leads: the plant overview searched by the postal code
/// or town they share, else the whole overview.
fn cluster_link(plants: &[&Plant]) -> String {
    let shared = |f: fn(&Plant) -> &str| {
        let first = f(plants[0]);
        plants.iter().all(|p| f(p) == first).then_some(first)
    };
    match shared(|p| &p.postal_code).or_else(|| shared(|p| &p.city)) {
        Some(q) if !q.is_empty() => format!("/plants?q={}", crate::links::url_encode(q)),
        _ => "/plants".to_owned(),
    }
}

/// The map data's English name of a registration country code.
fn country_name(code: &str) -> Option<&'static str> {
    match code.to_ascii_uppercase().as_str() {
        "DE" => Some("Germany"),
        "AT" => Some("Austria"),
        "CH" => Some("Switzerland"),
        "FR" => Some("France"),
        "IT" => Some("Italy"),
        "LI" => Some("Liechtenstein"),
        "LU" => Some("Luxembourg"),
        "BE" => Some("Belgium"),
        "NL" => Some("Netherlands"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_outlines_load_and_project() {
        let map = MAP.as_ref().expect("map data embedded");
        assert!(map.countries.iter().any(|c| c.name == "Germany"));
        let (x, y) = map.project(9.4797, 51.3127);
        assert!((0.0..map.width).contains(&x) && (0.0..map.height).contains(&y));
        let de = map.countries.iter().find(|c| c.name == "Germany").unwrap();
        assert!(
            de.bbox.0 <= x && x <= de.bbox.2 && de.bbox.1 <= y && y <= de.bbox.3,
            "Kassel lies in Germany's box"
        );
    }
}
