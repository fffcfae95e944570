/** Where an organizer opens an innovation (its proposal, evidence and history). */
export const proposalPath = (innovationId: string) => `/panitia/inovasi/${encodeURIComponent(innovationId)}`;
