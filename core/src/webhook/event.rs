//! What a [`super::WebHook`] hands out: hub requests and events.

use uuid::Uuid;

use crate::helix::Auth;
use crate::machine::TransmitId;
use crate::Error;

/// A hub request (`POST <helix>/webhooks/hub`) to send through the Helix
/// session, which adds `Authorization` with the token [`HubTransmit::auth`]
/// asks for (`Session::start_unsigned`). `Debug` leaves out the body: it
/// carries `hub.secret`.
#[derive(Clone)]
pub struct HubTransmit {
    /// Which transmit this is: feed its answer to [`super::WebHook::handle_response`].
    pub id: TransmitId,
    /// The token it needs.
    pub auth: Auth,
    /// The request, with `Client-Id` and the form body.
    pub request: http::Request<Vec<u8>>,
}

impl std::fmt::Debug for HubTransmit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HubTransmit")
            .field("id", &self.id)
            .field("auth", &self.auth)
            .field("uri", self.request.uri())
            .field("body_bytes", &self.request.body().len())
            .finish()
    }
}

/// What the application sees of a [`super::WebHook`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// The hub accepted a hub request (its 202); the verification request
    /// follows, or came already. The seed without `wait_for_subscription_confirm`
    /// returned at this point.
    Accepted {
        /// The subscription.
        uuid: Uuid,
    },
    /// The hub verified the subscription: notifications start.
    Subscribed {
        /// The subscription (the `uuid` in its callback URL).
        uuid: Uuid,
        /// Its `hub.topic`.
        topic: String,
    },
    /// The hub verified a renewal; the lease starts again.
    Renewed {
        /// The subscription.
        uuid: Uuid,
    },
    /// The hub refused the subscription (`hub.mode=denied`); it is gone.
    Denied {
        /// The subscription.
        uuid: Uuid,
        /// Its `hub.topic`.
        topic: String,
        /// The hub's `hub.reason`.
        reason: String,
    },
    /// The hub verified an unsubscribe; the subscription is gone.
    Unsubscribed {
        /// The subscription.
        uuid: Uuid,
    },
    /// A hub request failed: Twitch refused it (the error for its status), it
    /// could not be sent, or no verification came in time
    /// ([`Error::ListenTimeout`]). A failed first subscribe is gone; a failed
    /// renewal is tried again while the lease lasts; a failed unsubscribe
    /// leaves the subscription as it was.
    Failed {
        /// The subscription.
        uuid: Uuid,
        /// Why.
        error: Error,
    },
    /// A verified notification. `data` is what the seed's callback got: the
    /// first element of the body's `data` array; for streams an empty array
    /// is `{"type":"offline"}`; for other topics an empty array is `null`.
    Notification {
        /// The subscription.
        uuid: Uuid,
        /// `Twitch-Notification-Id`, when sent.
        id: Option<String>,
        /// The payload.
        data: serde_json::Value,
    },
    /// A request to the callback was refused (bad signature, unknown
    /// subscription, a body too large or not JSON): nothing was handed out.
    Rejected {
        /// The subscription it named, when it named a known one.
        uuid: Option<Uuid>,
        /// Why.
        reason: String,
    },
    /// A lease ran out without a renewal; the subscription is gone.
    Expired {
        /// The subscription.
        uuid: Uuid,
    },
}
