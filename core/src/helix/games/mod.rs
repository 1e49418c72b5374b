//! Games: Get Games, Get Top Games.

mod game;
mod get_games;
mod get_top_games;

pub use game::Game;
pub use get_games::GetGames;
pub use get_top_games::GetTopGames;
