//! Listener callbacks: the raw form every client stores, and the typed
//! wrapper the `listen_<type>` methods build.

use std::sync::Arc;

use serde::de::DeserializeOwned;
use twitchapi_core::eventsub::RawEvent;

use super::Notification;

/// What a client stores per subscription.
pub(crate) type RawCallback = Arc<dyn Fn(&Notification<RawEvent>) + Send + Sync>;

/// A callback taking the event read into `E`; an event that does not fit is
/// logged and skipped (the stream of events still carries it).
pub(crate) fn typed<E: DeserializeOwned>(
    callback: impl Fn(Notification<E>) + Send + Sync + 'static,
) -> RawCallback {
    Arc::new(move |notification: &Notification<RawEvent>| {
        match serde_json::from_str::<E>(notification.event.get()) {
            Ok(event) => callback(notification.with_event(event)),
            Err(error) => tracing::warn!(
                target: "twitchapi::eventsub",
                kind = %notification.kind,
                version = %notification.version,
                %error,
                "an event did not fit its model"
            ),
        }
    })
}
