//! The events a webhook endpoint can subscribe to (docs/webhooks.md): their names on the
//! wire (`request.created` …) and which of them concern a company's requests, which its
//! plants.

use serde::{Deserialize, Serialize};

/// Something that happened, as a webhook endpoint is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HookEvent {
    /// A service request was filed (on a page, through the API or by e-mail).
    RequestCreated,
    /// A request moved to another state.
    RequestStateChanged,
    /// A message was added to a request's thread (internal notes only to the service
    /// team's endpoints).
    RequestMessageAdded,
    /// A plant was registered (or imported).
    PlantCreated,
    /// A device was registered in a plant.
    DeviceRegistered,
    /// A replacement's new serial took the failed device's place.
    DeviceSwapped,
}

impl HookEvent {
    /// Every event, in the order forms and lists show them.
    pub const ALL: [HookEvent; 6] = [
        HookEvent::RequestCreated,
        HookEvent::RequestStateChanged,
        HookEvent::RequestMessageAdded,
        HookEvent::PlantCreated,
        HookEvent::DeviceRegistered,
        HookEvent::DeviceSwapped,
    ];

    /// Its name on the wire and in forms.
    pub fn name(self) -> &'static str {
        match self {
            HookEvent::RequestCreated => "request.created",
            HookEvent::RequestStateChanged => "request.state_changed",
            HookEvent::RequestMessageAdded => "request.message_added",
            HookEvent::PlantCreated => "plant.created",
            HookEvent::DeviceRegistered => "device.registered",
            HookEvent::DeviceSwapped => "device.swapped",
        }
    }

    /// The event named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_is_found_by_its_name() {
        for e in HookEvent::ALL {
            assert_eq!(HookEvent::from_name(e.name()), Some(e));
        }
        assert_eq!(HookEvent::from_name("request.deleted"), None);
    }
}
