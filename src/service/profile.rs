//! "My profile": contact data, delivery addresses and information requests, and "My
//! access data": password and security question.

use crate::domain::{self, Country};
use crate::store::users::DeliveryAddress;
use crate::views::components::Errors;
use crate::views::profile::AddressForm;

/// A delivery address checked from its form, with the id it will have (0: a new one).
pub fn checked_address(form: &AddressForm, id: u32) -> Result<DeliveryAddress, Errors> {
    let mut e = Errors::new();
    let recipient = e.check("recipient", domain::required_text(&form.recipient, 120));
    let street = e.check("street", domain::required_text(&form.street, 120));
    let postal_code = e.check("postal_code", domain::required_text(&form.postal_code, 12));
    let city = e.check("city", domain::required_text(&form.city, 80));
    let country = e.check("country", Country::parse(&form.country));
    e.finish(|| {
        Some(DeliveryAddress {
            id,
            recipient: recipient?,
            street: street?,
            postal_code: postal_code?,
            city: city?,
            country: country?.code().to_owned(),
        })
    })
}
