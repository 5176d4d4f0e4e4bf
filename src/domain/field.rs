//! Parsers of form fields that are more than text: map coordinates and dates that must
//! not lie in the future. Each returns the message id of what is wrong.

/// Parses a coordinate (decimal point or comma) within ±`limit` degrees.
pub fn coordinate(value: &str, limit: f64) -> Result<Option<f64>, &'static str> {
    let v = value.trim().replace(',', ".");
    if v.is_empty() {
        return Ok(None);
    }
    let n: f64 = v.parse().map_err(|_| "coordinate-invalid")?;
    if !n.is_finite() || n.abs() > limit {
        return Err("coordinate-range");
    }
    Ok(Some(n))
}

/// Parses a `YYYY-MM-DD` date that is not in the future.
pub fn past_date(value: &str, today: time::Date) -> Result<Option<time::Date>, &'static str> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let date = time::Date::parse(v, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| "date-invalid")?;
    if date > today {
        return Err("date-future");
    }
    Ok(Some(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn coordinates_accept_decimal_commas_and_refuse_out_of_range() {
        assert_eq!(coordinate("51,3127", 90.0), Ok(Some(51.3127)));
        assert_eq!(coordinate(" 9.4797 ", 180.0), Ok(Some(9.4797)));
        assert_eq!(coordinate("", 90.0), Ok(None));
        assert_eq!(coordinate("91", 90.0), Err("coordinate-range"));
        assert_eq!(coordinate("NaN", 90.0), Err("coordinate-range"));
        assert_eq!(coordinate("north", 90.0), Err("coordinate-invalid"));
    }

    #[test]
    fn dates_are_iso_and_not_in_the_future() {
        let today = date!(2026 - 11 - 26);
        assert_eq!(
            past_date("2024-05-01", today),
            Ok(Some(date!(2024 - 05 - 01)))
        );
        assert_eq!(past_date("2027-01-01", today), Err("date-future"));
        assert_eq!(past_date("01.05.2024", today), Err("date-invalid"));
    }
}
