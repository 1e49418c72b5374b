//! Moderation: Check AutoMod Status, Get Banned Events, Get Banned Users, Get
//! Moderator Events, Get Moderators.

mod automod_status;
mod banned_event;
mod banned_user;
mod check_automod_status;
mod get_banned_events;
mod get_banned_users;
mod get_moderator_events;
mod get_moderators;
mod moderator;
mod moderator_event;

pub use automod_status::AutoModStatus;
pub use banned_event::{BannedEvent, BannedEventData};
pub use banned_user::BannedUser;
pub use check_automod_status::CheckAutomodStatus;
pub use get_banned_events::GetBannedEvents;
pub use get_banned_users::GetBannedUsers;
pub use get_moderator_events::GetModeratorEvents;
pub use get_moderators::GetModerators;
pub use moderator::Moderator;
pub use moderator_event::{ModeratorEvent, ModeratorEventData};
