// C idioms read as the compiler reads them: `do { } while (0)` runs once, `for (;;)`/`while (TRUE)` leave only by a
// jump, goto cleanup ladders, switch fall-through (default in the middle, cases in braces, cases under `#ifdef`), SEH.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../helpers';
import { CM_HEADER, CM_REGISTRATION } from './ruleTestKit';

const handler = (body: string) => `${CM_HEADER}
_Use_decl_annotations_
NDIS_STATUS
CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    NDIS_STATUS Status = NDIS_STATUS_PENDING;
${body}
}
${CM_REGISTRATION}`;

const COMPLETE = 'NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);';
const rule = async (id: string, src: string) => (await check(src)).of(id);

describe('do { } while (0)', () => {
  for (const cond of ['0', 'FALSE', '(0, 0)', '0L']) {
    test(`a completion inside do { ... } while (${cond}) with error exits by break runs once`, async () => {
      const src = handler(`
    do {
        if (CloseData != NULL && Size == 0) {
            Status = NDIS_STATUS_INVALID_DATA;
            break;
        }
        if (Vc->Busy) {
            continue;
        }
        ${COMPLETE}
    } while (${cond});
    return Status;`);
      assert.deepEqual(await rule('double-completion', src), []);
    });
  }

  test('a completion inside do/while(0) and a second one after it is still a double completion', async () => {
    const src = handler(`
    do {
        if (Vc->Busy) {
            break;
        }
        ${COMPLETE}
    } while (0);
    ${COMPLETE}
    return NDIS_STATUS_PENDING;`);
    const found = await rule('double-completion', src);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /second time/);
  });

  test('a do/while with a real condition may still run its body twice', async () => {
    const src = handler(`
    do {
        ${COMPLETE}
    } while (Vc->Retries-- > 0);
    return NDIS_STATUS_PENDING;`);
    assert.equal((await rule('double-completion', src)).length, 1);
  });
});

describe('for (;;) and while (TRUE)', () => {
  for (const loop of ['for (;;)', 'while (TRUE)', 'while (1)']) {
    test(`${loop} leaves only by break: the status set before the break is the one passed`, async () => {
      const src = handler(`
    ${loop} {
        if (TryClose(Vc)) {
            Status = NDIS_STATUS_SUCCESS;
            break;
        }
        Status = NDIS_STATUS_FAILURE;
        break;
    }
    NdisCmCloseCallComplete(Status, Vc->NdisVcHandle, NULL);
    return NDIS_STATUS_PENDING;`);
      assert.deepEqual(await rule('complete-with-pending', src), []);
      // Without the breaks' assignments the PENDING it started with reaches the completion.
      assert.equal((await rule('complete-with-pending', src.replace(/Status = NDIS_STATUS_(SUCCESS|FAILURE);/g, ''))).length, 1);
    });
  }
});

describe('goto ladders and switch', () => {
  test('a goto cleanup ladder completes once', async () => {
    const src = handler(`
    if (CloseData != NULL) {
        Status = NDIS_STATUS_INVALID_DATA;
        goto Done;
    }
    if (Vc->Busy) {
        goto Done;
    }
    ${COMPLETE}
Done:
    return NDIS_STATUS_PENDING;`);
    assert.deepEqual(await rule('double-completion', src), []);
  });

  test('switch: default in the middle, cases in braces, and a missing break that falls into a second completion', async () => {
    const body = (brk: string) => handler(`
    switch (Vc->State) {
    case 1: {
        ${COMPLETE}
        ${brk}
    }
    default:
        QueueCloseWork(Vc);
        break;
    case 2:
        ${COMPLETE}
        break;
    }
    return NDIS_STATUS_PENDING;`);
    assert.deepEqual(await rule('double-completion', body('break;')), []);
    // Without its break, case 1 falls into default, which breaks: still one completion per path.
    assert.deepEqual(await rule('double-completion', body('')), []);
    const falls = handler(`
    switch (Vc->State) {
    case 1:
        ${COMPLETE}
    case 2:
        ${COMPLETE}
        break;
    default:
        break;
    }
    return NDIS_STATUS_PENDING;`);
    assert.equal((await rule('double-completion', falls)).length, 1);
  });

  test('a case under #ifdef inside a switch is entered from the switch', async () => {
    const src = handler(`
    switch (Vc->State) {
    case 1:
        QueueCloseWork(Vc);
        break;
#ifdef CM_FAST_CLOSE
    case 2:
        ${COMPLETE}
        return NDIS_STATUS_SUCCESS;
#endif
    default:
        break;
    }
    return NDIS_STATUS_PENDING;`);
    const [f] = await rule('double-completion', src);
    assert.ok(f, 'the completion under #ifdef followed by a final status is found');
    assert.match(f.message, /\(when CM_FAST_CLOSE\)$/);
  });
});

describe('SEH', () => {
  test('__try/__finally: a completion in the body and the cleanup in __finally is one completion', async () => {
    const src = handler(`
    NdisAcquireSpinLock(&Vc->Lock);
    __try {
        if (Vc->Busy) {
            __leave;
        }
        ${COMPLETE}
    } __finally {
        NdisReleaseSpinLock(&Vc->Lock);
    }
    return NDIS_STATUS_PENDING;`);
    assert.deepEqual(await rule('double-completion', src), []);
  });

  test('a completion in __try followed by a final status is found (the __try body is read)', async () => {
    const src = handler(`
    __try {
        ${COMPLETE}
    } __finally {
        TraceVc(Vc);
    }
    return NDIS_STATUS_SUCCESS;`);
    assert.equal((await rule('double-completion', src)).length, 1);
  });

  test('__finally runs on the way out of a return: a completion there after one in the body is a second one', async () => {
    const src = handler(`
    __try {
        ${COMPLETE}
        return NDIS_STATUS_PENDING;
    } __finally {
        if (Vc->Flags) {
            ${COMPLETE.replace('SUCCESS', 'FAILURE')}
        }
    }`);
    const found = await rule('double-completion', src);
    assert.ok(found.some((f) => /second time/.test(f.message)));
  });

  test('__leave skips the rest of the __try body: the completion after it is not reached twice', async () => {
    const src = handler(`
    __try {
        if (Vc->Busy) {
            ${COMPLETE}
            __leave;
        }
        ${COMPLETE}
    } __finally {
        TraceVc(Vc);
    }
    return NDIS_STATUS_PENDING;`);
    assert.deepEqual(await rule('double-completion', src), []);
  });

  test('__except: the handler is an alternative ending, not a second run of the body', async () => {
    const src = handler(`
    __try {
        ProbeCloseData(CloseData, Size);
        ${COMPLETE}
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        Status = NDIS_STATUS_INVALID_DATA;
    }
    return NDIS_STATUS_PENDING;`);
    assert.deepEqual(await rule('double-completion', src), []);
    // A completion in the handler after one in the body may be a real second completion.
    const bad = src.replace('Status = NDIS_STATUS_INVALID_DATA;', COMPLETE.replace('SUCCESS', 'FAILURE'));
    assert.equal((await rule('double-completion', bad)).length, 1);
  });
});
