-- Looking up pending invitations by address (one pending invitation per address).
create index invitation_email on invitation (email);
