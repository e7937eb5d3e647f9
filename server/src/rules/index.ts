// The registry: every rule, in the order findings are reported. Ids are stable; each has docs/rules/<id>.md.
import type { Rule } from './types';
import { completeWithPending } from './completeWithPending';
import { doubleCompletion } from './doubleCompletion';
import { missingCompletion } from './missingCompletion';
import { cmApiInMiniport } from './cmApiInMiniport';
import { mcmApiInProtocol } from './mcmApiInProtocol';
import { vcUsedAfterClose } from './vcUsedAfterClose';
import { vcUsedAfterDelete } from './vcUsedAfterDelete';
import { missingVcDelete } from './missingVcDelete';
import { partyHandleMismatch } from './partyHandleMismatch';
import { missingDeactivateVc } from './missingDeactivateVc';
import { deleteForeignVc } from './deleteForeignVc';
import { wrongArgumentCount } from './wrongArgumentCount';
import { vcHandlerPends } from './vcHandlerPends';
import { irqlPassiveOnly } from './irqlPassiveOnly';
import { irqlDispatchOnly } from './irqlDispatchOnly';
import { uncheckedStatus } from './uncheckedStatus';
import { handlerTableMismatch } from './handlerTableMismatch';
import { handlerWithoutRoleType } from './handlerWithoutRoleType';

export const RULES: readonly Rule[] = [
  completeWithPending,
  doubleCompletion,
  missingCompletion,
  cmApiInMiniport,
  mcmApiInProtocol,
  vcUsedAfterClose,
  vcUsedAfterDelete,
  missingVcDelete,
  partyHandleMismatch,
  wrongArgumentCount,
  vcHandlerPends,
  irqlPassiveOnly,
  irqlDispatchOnly,
  uncheckedStatus,
  missingDeactivateVc,
  deleteForeignVc,
  handlerTableMismatch,
  handlerWithoutRoleType,
];

export const RULE_IDS = new Set(RULES.map((r) => r.id));
