/** The signed-in person doing something: who they are, and the name records show them by. */
export interface Actor {
  id: string;
  name: string;
}
