//! Extensions: Get Extension Transactions.

mod extension_transaction;
mod get_extension_transactions;

pub use extension_transaction::{ExtensionTransaction, ProductCost, ProductData};
pub use get_extension_transactions::GetExtensionTransactions;
