//! Users: Get Users, Update User, Get Users Follows.

mod follow;
mod get_users;
mod get_users_follows;
mod update_user;
mod user;

pub use follow::Follow;
pub use get_users::GetUsers;
pub use get_users_follows::GetUsersFollows;
pub use update_user::UpdateUser;
pub use user::User;
