//! One method per Helix endpoint, named as in the seed library. Each takes the
//! endpoint's struct (the seed's parameters as fields) and returns the typed
//! answer. The list comes from [`twitchapi_core::for_each_endpoint`].

use twitchapi_core::helix::{Endpoint, HelixResponse};
use twitchapi_core::Error;

use crate::Twitch;

macro_rules! endpoint_methods {
    ($($name:ident => $cat:ident::$ty:ident,)*) => {
        impl Twitch {
            $(
                #[doc = concat!(
                    "The seed's `", stringify!($name), "`: sends [`", stringify!($ty),
                    "`](crate::helix::", stringify!($cat), "::", stringify!($ty),
                    "), whose fields are the seed's parameters and whose docs give the rules."
                )]
                pub async fn $name(
                    &self,
                    args: twitchapi_core::helix::$cat::$ty,
                ) -> Result<HelixResponse<<twitchapi_core::helix::$cat::$ty as Endpoint>::Response>, Error> {
                    self.request(&args).await
                }
            )*
        }
    };
}

twitchapi_core::for_each_endpoint!(endpoint_methods);
