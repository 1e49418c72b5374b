//! Bits: Get Bits Leaderboard, Get Cheermotes.

mod bits_leaderboard;
mod cheermote;
mod get_bits_leaderboard;
mod get_cheermotes;

pub use bits_leaderboard::{BitsLeaderboard, BitsLeaderboardEntry};
pub use cheermote::{Cheermote, CheermoteImageSet, CheermoteImages, CheermoteTier};
pub use get_bits_leaderboard::GetBitsLeaderboard;
pub use get_cheermotes::GetCheermotes;
