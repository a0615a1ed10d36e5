import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { presentedSessionToken } from '../sessions/session-cookies';
import { SessionRepository } from '../sessions/session.repository';

const PUBLIC_DIR = join(__dirname, '..', 'public');
const PAGES = new Set(['index.html', 'sign-in.html', 'welcome.html']);

/** Everything comes from this server: the page may load nothing from another host, nor be framed by one. */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** The workspace's pages and their scripts and styles: plain files, served as they are (no build step). */
@Controller('workspace')
export class WorkspacePagesController {
  private readonly assets = new Set(readdirSync(PUBLIC_DIR).filter((name) => !PAGES.has(name)));

  constructor(private readonly sessions: SessionRepository) {}

  @Get()
  inbox(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.signedInPage(req, res);
  }

  @Get('conversations/:id')
  conversation(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.signedInPage(req, res);
  }

  @Get('sign-in')
  signIn(@Res() res: Response): void {
    send(res, 'sign-in.html');
  }

  /** Where a sign-in link leads: the token is in the fragment, which browsers never send to a server or a log. */
  @Get('welcome')
  welcome(@Res() res: Response): void {
    send(res, 'welcome.html');
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    if (!this.assets.has(file)) throw new NotFoundException(`No workspace file ${file}.`);
    send(res, file);
  }

  private async signedInPage(req: Request, res: Response): Promise<void> {
    const token = presentedSessionToken(req);
    if (!token || !(await this.sessions.find(token))) return res.redirect(303, '/workspace/sign-in');
    send(res, 'index.html');
  }
}

function send(res: Response, file: string): void {
  res.set(PAGE_HEADERS).sendFile(join(PUBLIC_DIR, file));
}
