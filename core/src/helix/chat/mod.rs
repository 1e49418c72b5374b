//! Chat endpoints (Twitch's replacement for IRC writes).

mod send_chat_message;

pub use send_chat_message::{DropReason, SendChatMessage, SentMessage};
