/** Identifies a user across clients: the Entra object id when Teams sends one, else the channel user id. */
export function ownerIdOf(user: { id: string; aadObjectId?: string }): string {
  return user.aadObjectId ?? user.id;
}
