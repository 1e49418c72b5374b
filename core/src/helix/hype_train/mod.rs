//! Hype Train: Get Hype Train Events (retired by Twitch).

mod get_hype_train_events;
mod hype_train_event;

pub use get_hype_train_events::GetHypeTrainEvents;
pub use hype_train_event::{HypeTrainContribution, HypeTrainEvent, HypeTrainEventData};
