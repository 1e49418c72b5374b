//! The user-facing OAuth flows: authorization code ([`CodeFlow`], the seed's
//! `UserAuthenticator`), implicit ([`ImplicitFlow`], for pages and extensions)
//! and device code ([`DeviceFlow`], for apps without a browser or secret).

mod code;
mod device;
mod implicit;
mod redirect;

pub use code::CodeFlow;
pub use device::{DeviceEvent, DeviceFlow, DEVICE_GRANT};
pub use implicit::{ImplicitFlow, ImplicitToken};
pub use redirect::check_state;

#[cfg(test)]
mod device_tests;
