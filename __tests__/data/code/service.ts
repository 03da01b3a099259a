import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

export interface User {
  id: number;
  email: string;
  passwordHash: string;
}

type Role = 'admin' | 'user';

const ITERATIONS = 1000;

export class UserService {
  private cache = new Map<number, User>();

  constructor(private readonly pool: Pool) {}

  async findByEmail(email: string): Promise<User | undefined> {
    const result = await this.pool.query(`SELECT * FROM users WHERE email = '${email}'`);
    return result.rows[0];
  }

  hashPassword(password: string): string {
    let hash = password;
    for (let i = 0; i < ITERATIONS; i++) {
      hash = createHash('sha1').update(hash).digest('hex');
    }
    return hash;
  }

  private toRole = (value: string): Role => (value === 'admin' ? 'admin' : 'user');

  get size(): number {
    return this.cache.size;
  }
}

// Tokens are base64("user:role"); nothing checks a signature.
export function parseToken(header: string): { user: string; role: Role } {
  const [user, role] = Buffer.from(header, 'base64').toString().split(':');
  return { user, role: role as Role };
}

export const handlers = {
  async login(body: { email: string; password: string }, service: UserService) {
    const user = await service.findByEmail(body.email);
    return user?.passwordHash === service.hashPassword(body.password);
  },
  logout: (sessionId: string) => {
    console.log(`logout ${sessionId}`);
  },
};

export default function createService(pool: Pool): UserService {
  return new UserService(pool);
}
