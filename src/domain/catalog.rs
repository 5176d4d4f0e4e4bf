//! The embedded product catalog: SMA device types (`assets/catalog/sma-device-types.tsv`,
//! product id, model code, name) with the category derived from the model code, which
//! says whether a device can be registered in a plant.

use std::collections::HashMap;
use std::sync::LazyLock;

use rust_embed::RustEmbed;

use super::fold::fold;

#[derive(RustEmbed)]
#[folder = "assets/catalog/"]
struct CatalogFiles;

/// What kind of device a product is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// PV or hybrid inverter.
    Inverter,
    /// Battery (storage) inverter.
    StorageInverter,
    /// Off-grid system (Sunny Island, Sunny Backup, Multicluster Box): not registrable.
    OffGrid,
    /// Communication and monitoring devices.
    Communication,
    /// Anything else (third-party devices): not registrable.
    Other,
}

impl Category {
    /// Whether devices of this category can be registered in a plant.
    pub fn registrable(self) -> bool {
        matches!(
            self,
            Category::Inverter | Category::StorageInverter | Category::Communication
        )
    }

    /// Whether devices of this category carry an inverter warranty.
    pub fn has_warranty(self) -> bool {
        matches!(self, Category::Inverter | Category::StorageInverter)
    }

    /// The message id of the category's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Category::Inverter => "category-inverter",
            Category::StorageInverter => "category-storage",
            Category::OffGrid => "category-off-grid",
            Category::Communication => "category-communication",
            Category::Other => "category-other",
        }
    }
}

/// One device type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// SMA's device-type tag (`productId`).
    pub id: u32,
    /// Model code from the type label, e.g. `STP 10.0-3AV-40`.
    pub model: String,
    /// Marketing name.
    pub name: String,
    /// Derived category.
    pub category: Category,
}

/// The category of a model code (docs/domain.md, "Devices"). Sunny Highpower (`SHP`, not `SHPS`)
/// is counted as an inverter too: it is one, though the table does not name it.
pub fn categorize(model: &str) -> Category {
    let m = model.trim();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| m.starts_with(p));
    if starts(&["SI ", "SBU", "MltBox"]) || m == "SI" {
        Category::OffGrid
    } else if starts(&[
        "Sunny HomeManager",
        "Sunny Home Manager",
        "EDMM",
        "SMA DATA MANAGER",
        "Cluster Controller",
        "WebBox",
        "SMA Com Gateway",
        "Energy Meter",
        "EMETER",
        "Sunny Beam",
        "SBC",
    ]) {
        Category::Communication
    } else if m.starts_with("SBSE")
        || (m.starts_with("SB") && !m.starts_with("SBS") && m.contains("SE"))
    {
        Category::Inverter
    } else if starts(&["SBS", "STPS", "SCS", "SHPS"]) {
        Category::StorageInverter
    } else if starts(&["SB", "SWR", "STP", "SMC", "WB", "WTP", "SC ", "SHP"]) {
        Category::Inverter
    } else {
        Category::Other
    }
}

/// The whole catalog.
pub struct Catalog {
    products: Vec<Product>,
    by_id: HashMap<u32, usize>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(Catalog::load);

impl Catalog {
    /// The embedded catalog (parsed once).
    pub fn get() -> &'static Catalog {
        &CATALOG
    }

    fn load() -> Catalog {
        let data = CatalogFiles::get("sma-device-types.tsv")
            .map(|f| String::from_utf8_lossy(&f.data).into_owned())
            .unwrap_or_default();
        let mut products: Vec<Product> = data
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let id = cols.next()?.trim().parse().ok()?;
                let model = cols.next()?.trim().to_owned();
                let name = cols.next().unwrap_or("").trim().to_owned();
                let category = categorize(&model);
                Some(Product {
                    id,
                    model,
                    name,
                    category,
                })
            })
            .collect();
        products.sort_by_key(|p| p.name.to_lowercase());
        let by_id = products
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, i))
            .collect();
        Catalog { products, by_id }
    }

    /// A product by id.
    pub fn product(&self, id: u32) -> Option<&Product> {
        self.by_id.get(&id).map(|&i| &self.products[i])
    }

    /// A product by its model code or name as exports write it (`SB 3.0-1AV-41`,
    /// `Sunny Boy 3.0`), case and accents ignored.
    pub fn by_model(&self, text: &str) -> Option<&Product> {
        let wanted = fold(text.trim());
        if wanted.is_empty() {
            return None;
        }
        self.products
            .iter()
            .find(|p| fold(&p.model) == wanted)
            .or_else(|| self.products.iter().find(|p| fold(&p.name) == wanted))
    }

    /// Every product, by name.
    pub fn all(&self) -> &[Product] {
        &self.products
    }

    /// Registrable products whose model or name contains every word of `query` (case and
    /// accents ignored), by name.
    pub fn search(&self, query: &str) -> Vec<&Product> {
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
        self.products
            .iter()
            .filter(|p| p.category.registrable())
            .filter(|p| {
                let hay = fold(&format!("{} {} {}", p.model, p.name, p.id));
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect()
    }
}

/// Finds the product a user chose: its id, the offered label, or its exact model or name.
pub fn parse_product(value: &str) -> Result<&'static Product, &'static str> {
    let v = value.trim();
    if v.is_empty() {
        return Err("field-required");
    }
    let catalog = Catalog::get();
    let by_id = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .and_then(|id| catalog.product(id))
    };
    let found = by_id(v)
        .or_else(|| {
            v.rsplit_once('(')
                .and_then(|(_, rest)| rest.strip_suffix(')'))
                .and_then(by_id)
        })
        .or_else(|| {
            catalog
                .all()
                .iter()
                .find(|p| p.model.eq_ignore_ascii_case(v) || p.name.eq_ignore_ascii_case(v))
        })
        .ok_or("device-product-unknown")?;
    match found.category {
        Category::OffGrid => Err("device-off-grid"),
        Category::Other => Err("device-not-registrable"),
        _ => Ok(found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_follow_the_model_codes() {
        assert_eq!(categorize("STP 10.0-3AV-40"), Category::Inverter);
        assert_eq!(categorize("SB 5000SE-10"), Category::Inverter);
        assert_eq!(categorize("SBSE3.6-50"), Category::Inverter);
        assert_eq!(categorize("SBS5.0-10"), Category::StorageInverter);
        assert_eq!(categorize("SCS-500"), Category::StorageInverter);
        assert_eq!(categorize("SC 500CP"), Category::Inverter);
        assert_eq!(categorize("SI 4.4M"), Category::OffGrid);
        assert_eq!(categorize("SBU 5000"), Category::OffGrid);
        assert_eq!(categorize("Sunny HomeManager"), Category::Communication);
        assert_eq!(categorize("Energy Meter"), Category::Communication);
        assert_eq!(categorize("SBC+"), Category::Communication);
        assert_eq!(categorize("FRITZ!DECT 200"), Category::Other);
    }

    #[test]
    fn the_embedded_catalog_is_complete() {
        let catalog = Catalog::get();
        assert_eq!(catalog.all().len(), 570);
        let island = catalog.product(9279).unwrap();
        assert_eq!(island.name, "Sunny Island 4.4M");
        assert!(!island.category.registrable());
        assert!(catalog.product(9088).unwrap().category.registrable());
        let found = catalog.search("sunny central 500");
        assert!(found.iter().any(|p| p.id == 9088));
        assert!(
            catalog.search("island").is_empty(),
            "off-grid systems are not offered"
        );
    }

    #[test]
    fn products_by_id_label_or_model_and_refusals() {
        assert_eq!(parse_product("9088").unwrap().id, 9088);
        let p = Catalog::get().product(9088).unwrap();
        let label = format!("{} — {} ({})", p.model, p.name, p.id);
        assert_eq!(parse_product(&label).unwrap().id, 9088);
        assert_eq!(parse_product("sc 500cp").unwrap().id, 9088);
        assert_eq!(parse_product("9279").unwrap_err(), "device-off-grid");
        assert_eq!(
            parse_product("Sunny Island 4.4M").unwrap_err(),
            "device-off-grid"
        );
        assert_eq!(
            parse_product("no such thing").unwrap_err(),
            "device-product-unknown"
        );
        assert_eq!(parse_product("").unwrap_err(), "field-required");
    }
}
