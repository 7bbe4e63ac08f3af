//! The backup: every order read so far, merged reading by reading, and honest about what is
//! missing. Its parts:
//! - `record`: the record and how readings merge into it; `absorb`, two backups of a site
//!   merged into one;
//! - `storage`: how it is kept in extension storage as it grows (head, chunks, watch list);
//! - `file`: the backup file it is exported as, and its summary;
//! - `refresh`: bringing a complete backup up to date without reading it all again.

mod absorb;
mod file;
mod gaps;
mod keys;
mod record;
mod refresh;
mod storage;

pub use file::{BackupFileV1, Summary, FORMAT, FORMAT_VERSION};
pub use keys::{
    chunk_key, chunk_of, is_key_of, storage_key, watch_key, Digest, Dirty, CHUNK_ORDERS,
    CHUNK_PREFIX, STORAGE_PREFIX, WATCH_PREFIX,
};
pub use record::{Backup, RefreshNote, StoredOrder, HEAD_ADDRESS_BOOK, HEAD_REVIEWS};
pub use refresh::{Refresh, KNOWN_IN_A_ROW};
