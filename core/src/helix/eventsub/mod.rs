//! EventSub subscription management: create, list and delete subscriptions
//! for the webhook, WebSocket and conduit transports.

mod create_eventsub_subscription;
mod delete_eventsub_subscription;
mod get_eventsub_subscriptions;
mod subscriptions;

pub use create_eventsub_subscription::{CreateEventSubSubscription, TransportRequest};
pub use delete_eventsub_subscription::DeleteEventSubSubscription;
pub use get_eventsub_subscriptions::GetEventSubSubscriptions;
pub use subscriptions::EventSubSubscriptions;
