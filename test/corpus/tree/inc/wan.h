// wan.h - shared by the WANLINK miniport call manager (mcm/) and the WANDIAL client (client/): the address family.
#pragma once
#include <ndis.h>

#define WAN_AF_MAJOR    1
#define WAN_AF_MINOR    0
#define WAN_TAG         'naWW'
