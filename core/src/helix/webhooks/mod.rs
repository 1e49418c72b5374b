//! Webhooks (retired by Twitch): Get Webhook Subscriptions.

mod get_webhook_subscriptions;
mod webhook_subscription;

pub use get_webhook_subscriptions::GetWebhookSubscriptions;
pub use webhook_subscription::WebhookSubscription;
