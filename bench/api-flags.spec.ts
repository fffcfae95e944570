import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_NODE_FLAGS } from './http.bench';

// The bench measures the API as it runs in production: the node flags of `npm start` and of the Docker image.
describe('the API node flags', () => {
  const root = path.resolve(__dirname, '..');
  it('are the same in package.json "start", docker/Dockerfile and the bench', () => {
    const start = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start as string;
    expect(start).toContain(`node ${API_NODE_FLAGS.join(' ')} dist/apps/api/src/main.js`);
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(path.join(root, 'docker', 'Dockerfile'), 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...API_NODE_FLAGS, 'dist/apps/api/src/main.js']);
  });
});
