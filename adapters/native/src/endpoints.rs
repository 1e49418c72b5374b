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

/// A compile-time check: the future of every endpoint method is `Send`, so it
/// can be spawned on a multi-threaded runtime. Never called.
macro_rules! send_check {
    ($($name:ident => $cat:ident::$ty:ident,)*) => {
        #[allow(dead_code, clippy::too_many_arguments)]
        fn endpoint_futures_are_send(
            twitch: &Twitch,
            $($name: twitchapi_core::helix::$cat::$ty,)*
        ) {
            fn is_send<T: Send>(_: &T) {}
            $(is_send(&twitch.$name($name));)*
            is_send(&twitch.authenticate_app(Vec::new()));
            is_send(&twitch.refresh_used_token());
        }
    };
}

twitchapi_core::for_each_endpoint!(send_check);
