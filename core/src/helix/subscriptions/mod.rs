//! Subscriptions: Get Broadcaster Subscriptions.

mod get_broadcaster_subscriptions;
mod subscription;

pub use get_broadcaster_subscriptions::GetBroadcasterSubscriptions;
pub use subscription::Subscription;
