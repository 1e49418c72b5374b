//! The `listen_<type>` methods of both clients, one per subscription type of
//! the core's table.

use twitchapi_core::eventsub::types;

use super::{EventSubWebSocket, EventSubWebhook, Notification};
use crate::Error;

macro_rules! listen_methods {
    ([$client:ident] $( $variant:ident, $event:ident, $condition:ident, $kind:literal, $version:literal, $scopes:expr, $listen:ident; )*) => {
        impl $client {
            $(
                #[doc = concat!(
                    "Listens to `", $kind, "` version ", $version,
                    ": `callback` gets every event, typed. Returns Twitch's subscription id once it is in place. ",
                    "See [`types::", stringify!($condition), "`] and [`types::", stringify!($event), "`]."
                )]
                ///
                /// # Errors
                ///
                /// As `listen`: a missing scope, Twitch's refusal, a timeout.
                pub async fn $listen(
                    &self,
                    condition: types::$condition,
                    callback: impl Fn(Notification<types::$event>) + Send + Sync + 'static,
                ) -> Result<String, Error> {
                    self.listen(condition, callback).await
                }
            )*
        }
    };
}

twitchapi_core::eventsub_types!(listen_methods EventSubWebSocket);
twitchapi_core::eventsub_types!(listen_methods EventSubWebhook);
