/** Removes members from groups; fails when the bot is not owner or admin. */
export interface RoomAdmin {
  remove(groupId: string, memberId: string): Promise<void>
}
