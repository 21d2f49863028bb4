package io.allice.platform.notifications;

/** Published inside the transaction that stored a notification, so delivery can wait for the commit. */
record NotificationStored(long userId, NotificationView notification) {
}
