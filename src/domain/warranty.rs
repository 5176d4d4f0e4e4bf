//! Factory warranty and warranty-extension status per inverter (docs/domain.md, "Warranty"): the
//! warranty runs `factory_years` from the purchase date, else from commissioning; an
//! extension can be ordered within `extension_window_months` of that start, while the
//! factory warranty runs, for inverters that are not extended yet.

use time::{Date, Month};

use super::catalog::Category;

/// The warranty settings.
#[derive(Debug, Clone, Copy)]
pub struct WarrantyRules {
    /// Years of factory warranty.
    pub factory_years: u8,
    /// Months after the warranty start within which an extension can be ordered.
    pub extension_window_months: u16,
}

/// What the plant page shows for a device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warranty {
    /// The device category carries no warranty of its own here.
    NotApplicable,
    /// No purchase or commissioning date is known.
    Unknown,
    /// The factory warranty and its end.
    Known {
        /// First day.
        start: Date,
        /// Last day.
        end: Date,
        /// Days left (0 when over).
        days_left: i64,
        /// Whether an extension can be ordered, or the message id saying why not.
        extension: Result<(), &'static str>,
    },
}

/// Within how many days a warranty's end counts as near: the plant overview and a plant's
/// page flag such devices, the device row warns with the days left.
pub const ENDING_SOON_DAYS: i64 = 90;

impl Warranty {
    /// Whether the warranty still runs and ends within [`ENDING_SOON_DAYS`].
    pub fn ends_soon(&self) -> bool {
        matches!(self, Warranty::Known { days_left, .. } if *days_left > 0 && *days_left <= ENDING_SOON_DAYS)
    }
}

/// Adds whole months to a date, clamping the day to the month's length.
pub fn add_months(date: Date, months: i32) -> Date {
    let total = date.year() * 12 + i32::from(date.month() as u8) - 1 + months;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = Month::try_from(u8::try_from(month0 + 1).unwrap_or(1)).unwrap_or(Month::January);
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, date.day().min(last)).unwrap_or(date)
}

/// The dates a device's warranty follows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Dates {
    /// Day of purchase (starts the warranty).
    pub purchase: Option<Date>,
    /// Day of commissioning (starts it when the purchase is unknown).
    pub commissioning: Option<Date>,
    /// Last day of the warranty a replacement inherited from the device it replaced.
    pub inherited_end: Option<Date>,
}

/// The last day of the warranty a replacement installed on `swapped` carries over from a
/// device whose warranty ended on `old_end` (unknown: none): what was left, at least one
/// year (docs/domain.md, "Warranty").
pub fn inherited_end(old_end: Option<Date>, swapped: Date) -> Date {
    let year = add_months(swapped, 12) - time::Duration::days(1);
    old_end.map_or(year, |end| end.max(year))
}

/// The warranty of a device of `category` with these `dates`, at `today`; `extended`
/// says an extension was already ordered.
pub fn warranty(
    rules: WarrantyRules,
    category: Category,
    dates: Dates,
    extended: bool,
    today: Date,
) -> Warranty {
    if !category.has_warranty() {
        return Warranty::NotApplicable;
    }
    let Some(start) = dates.purchase.or(dates.commissioning) else {
        return match dates.inherited_end {
            Some(end) => Warranty::Known {
                start: today.min(end),
                end,
                days_left: if today > end {
                    0
                } else {
                    (end - today).whole_days() + 1
                },
                extension: Err("warranty-replacement"),
            },
            None => Warranty::Unknown,
        };
    };
    let factory_end =
        add_months(start, i32::from(rules.factory_years) * 12) - time::Duration::days(1);
    let end = dates
        .inherited_end
        .map_or(factory_end, |i| i.max(factory_end));
    let days_left = (end - today).whole_days().max(0) + i64::from(today <= end);
    let window_end = add_months(start, i32::from(rules.extension_window_months));
    let extension = if extended {
        Err("warranty-already-extended")
    } else if today > end {
        Err("warranty-expired")
    } else if today >= window_end {
        Err("warranty-window-closed")
    } else {
        Ok(())
    };
    Warranty::Known {
        start,
        end,
        days_left: if today > end { 0 } else { days_left },
        extension,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const RULES: WarrantyRules = WarrantyRules {
        factory_years: 5,
        extension_window_months: 60,
    };

    /// The warranty of a device that was never replaced.
    fn warranty(
        rules: WarrantyRules,
        category: Category,
        purchase: Option<Date>,
        commissioning: Option<Date>,
        extended: bool,
        today: Date,
    ) -> Warranty {
        super::warranty(
            rules,
            category,
            Dates {
                purchase,
                commissioning,
                inherited_end: None,
            },
            extended,
            today,
        )
    }

    #[test]
    fn a_replacement_inherits_what_was_left_and_at_least_a_year() {
        let swapped = date!(2026 - 11 - 26);
        assert_eq!(
            inherited_end(Some(date!(2029 - 03 - 14)), swapped),
            date!(2029 - 03 - 14)
        );
        assert_eq!(
            inherited_end(Some(date!(2027 - 01 - 31)), swapped),
            date!(2027 - 11 - 25)
        );
        assert_eq!(inherited_end(None, swapped), date!(2027 - 11 - 25));
        // An expired original warranty: the inherited year counts.
        let w = super::warranty(
            RULES,
            Category::Inverter,
            Dates {
                purchase: Some(date!(2019 - 01 - 10)),
                commissioning: None,
                inherited_end: Some(date!(2027 - 11 - 25)),
            },
            false,
            swapped,
        );
        assert!(
            matches!(w, Warranty::Known { end, days_left: 365, .. } if end == date!(2027 - 11 - 25))
        );
    }

    #[test]
    fn five_years_from_purchase_else_commissioning() {
        let w = warranty(
            RULES,
            Category::Inverter,
            Some(date!(2022 - 03 - 15)),
            Some(date!(2022 - 05 - 01)),
            false,
            date!(2026 - 11 - 26),
        );
        let Warranty::Known {
            start,
            end,
            extension,
            ..
        } = w
        else {
            panic!()
        };
        assert_eq!(start, date!(2022 - 03 - 15));
        assert_eq!(end, date!(2027 - 03 - 14));
        assert_eq!(extension, Ok(()));
        let w = warranty(
            RULES,
            Category::Inverter,
            None,
            Some(date!(2022 - 05 - 01)),
            false,
            date!(2026 - 11 - 26),
        );
        assert!(matches!(w, Warranty::Known { start, .. } if start == date!(2022 - 05 - 01)));
    }

    #[test]
    fn reasons_when_no_extension_is_possible() {
        let today = date!(2026 - 11 - 26);
        assert_eq!(
            warranty(RULES, Category::Communication, None, None, false, today),
            Warranty::NotApplicable
        );
        assert_eq!(
            warranty(RULES, Category::Inverter, None, None, false, today),
            Warranty::Unknown
        );
        let expired = warranty(
            RULES,
            Category::Inverter,
            Some(date!(2019 - 01 - 10)),
            None,
            false,
            today,
        );
        assert!(matches!(
            expired,
            Warranty::Known {
                extension: Err("warranty-expired"),
                days_left: 0,
                ..
            }
        ));
        let extended = warranty(
            RULES,
            Category::StorageInverter,
            Some(date!(2024 - 01 - 10)),
            None,
            true,
            today,
        );
        assert!(matches!(
            extended,
            Warranty::Known {
                extension: Err("warranty-already-extended"),
                ..
            }
        ));
        let short = WarrantyRules {
            extension_window_months: 6,
            ..RULES
        };
        let closed = warranty(
            short,
            Category::Inverter,
            Some(date!(2025 - 01 - 10)),
            None,
            false,
            today,
        );
        assert!(matches!(
            closed,
            Warranty::Known {
                extension: Err("warranty-window-closed"),
                ..
            }
        ));
    }

    #[test]
    fn months_clamp_to_the_end_of_the_month() {
        assert_eq!(add_months(date!(2024 - 01 - 31), 1), date!(2024 - 02 - 29));
        assert_eq!(add_months(date!(2024 - 02 - 29), 12), date!(2025 - 02 - 28));
    }
}
