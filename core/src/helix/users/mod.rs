//! Users: Get Users, Update User, Get Users Follows, Create/Delete User Follows,
//! Get User Extensions, Get User Active Extensions, Update User Extensions.

mod active_extensions;
mod create_user_follows;
mod delete_user_follows;
mod follow;
mod get_user_active_extensions;
mod get_user_extensions;
mod get_users;
mod get_users_follows;
mod update_user;
mod update_user_extensions;
mod user;
mod user_extension;

pub use active_extensions::{ActiveExtension, ActiveExtensions};
pub use create_user_follows::CreateUserFollows;
pub use delete_user_follows::DeleteUserFollows;
pub use follow::Follow;
pub use get_user_active_extensions::GetUserActiveExtensions;
pub use get_user_extensions::GetUserExtensions;
pub use get_users::GetUsers;
pub use get_users_follows::GetUsersFollows;
pub use update_user::UpdateUser;
pub use update_user_extensions::UpdateUserExtensions;
pub use user::User;
pub use user_extension::UserExtension;
