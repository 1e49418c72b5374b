//! The `listen_<type>` methods of both clients, one per subscription type of
//! the core's table.

use std::sync::Arc;

use twitchapi_core::eventsub::types::{self, TypedCondition};
use twitchapi_core::eventsub::RawEvent;

use super::callback::typed;
use super::{EventSubWebSocket, EventSubWebhook, Notification};
use crate::Error;

macro_rules! listen_methods {
    ([$client:ident] $( $variant:ident, $event:ident, $condition:ident, $kind:literal, $version:literal, $scopes:expr, $listen:ident; )*) => {
        impl $client {
            /// Listens with a typed condition (its type and version come with
            /// it); `callback` gets each event typed.
            ///
            /// # Errors
            ///
            /// As `listen_json`.
            pub async fn listen<C: TypedCondition>(
                &self,
                condition: C,
                callback: impl Fn(Notification<C::Event>) + Send + Sync + 'static,
            ) -> Result<String, Error> {
                let condition = serde_json::to_value(&condition)
                    .map_err(|e| Error::invalid(format!("condition: {e}")))?;
                self.listen_raw(C::KIND, C::VERSION, condition, typed(callback))
                    .await
            }

            /// Listens to any type and version with a JSON condition;
            /// `callback` gets each event as sent. Returns Twitch's
            /// subscription id once the subscription is in place (WebSocket:
            /// created for a running session, which opens when needed;
            /// webhook: created with the app token and its challenge answered).
            ///
            /// # Errors
            ///
            /// [`Error::InvalidArgument`] for a bad type, version, condition
            /// or callback URL, or past 900 WebSocket subscriptions;
            /// [`Error::MissingScope`] when the user token lacks the type's
            /// scopes (WebSocket); Twitch's refusal ([`Error::Api`] with 400,
            /// 403, 409, 429, ...); [`Error::ListenTimeout`] when the session or
            /// the challenge did not come in time (nothing stays subscribed).
            /// Every failure also shows in `events()` as
            /// [`super::EventSubMessage::SubscribeFailed`].
            pub async fn listen_json(
                &self,
                kind: &str,
                version: &str,
                condition: serde_json::Value,
                callback: impl Fn(&Notification<RawEvent>) + Send + Sync + 'static,
            ) -> Result<String, Error> {
                self.listen_raw(kind, version, condition, Arc::new(callback))
                    .await
            }
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
